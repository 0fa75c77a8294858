using Stepwise.Features.Shared;

namespace Stepwise.Features.Home;

public static class HomeFeature
{
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<Chrome>();
}
