namespace Stepwise.Features.Units;

public static class UnitsFeature
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services.AddScoped<SaveUnit>().AddScoped<ReadUnits>();
}
