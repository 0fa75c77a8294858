namespace Stepwise.Features.Demo;

public static class DemoFeature
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<LoadDemoTrust>().AddScoped<LoadDemoNationalData>().AddSingleton<DemoLoading>();
}
