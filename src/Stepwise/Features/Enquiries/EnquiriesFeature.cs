namespace Stepwise.Features.Enquiries;

/// <summary>Cycles of enquiry (C8): learning teams, enquiries with driver diagrams and measures, PDSA cycles, the whole-school programme.</summary>
public static class EnquiriesFeature
{
    public static IServiceCollection AddEnquiries(this IServiceCollection services)
    {
        services.AddScoped<EnquiryAccess>();
        services.AddScoped<ReadEnquiry>();
        services.AddScoped<Metrics.IMetricAnnotations, CycleMetricAnnotations>();
        services.AddCycleUseCases();
        services.AddEnquiryUseCases();
        services.AddTeamUseCases();
        return services;
    }
}
