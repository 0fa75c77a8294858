using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Stepwise.Features.Support;

/// <summary>Support between the trust's schools: needs, giver suggestions, support episodes with their impact, capacities and networks.</summary>
public static class SupportFeature
{
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.TryAddScoped<ReadSupportBalance>();
        return services;
    }
}
