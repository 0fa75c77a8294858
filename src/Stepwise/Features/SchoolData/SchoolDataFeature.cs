namespace Stepwise.Features.SchoolData;

public static class SchoolDataFeature
{
    public static IServiceCollection AddSchoolData(this IServiceCollection services) =>
        services.AddScoped<ImportSchoolData>().AddScoped<DeriveSchoolMetrics>();
}
