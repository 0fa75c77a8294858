namespace Stepwise.Features.Visits;

public static class VisitsFeature
{
    public static IServiceCollection AddVisits(this IServiceCollection services) => services.AddScoped<SaveGovernorVisit>();
}
