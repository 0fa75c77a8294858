namespace Stepwise.Features.Gaps;

public static class GapsFeature
{
    public static IServiceCollection AddGaps(this IServiceCollection services) => services.AddScoped<ReadSchoolGaps>().AddScoped<ReadDisadvantageGaps>();
}
