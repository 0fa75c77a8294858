namespace Stepwise.Features.Imports;

public static class ImportsFeature
{
    /// <summary>
    /// The imports kernel's job runner (one per server, for every kind of import) and the queue the upload pages use;
    /// each feature adds its <see cref="IImportJobHandler"/>.
    /// </summary>
    public static IServiceCollection AddImportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportNodeOptions>(configuration.GetSection("Imports"));
        return services
            .AddScoped<QueueImportJob>()
            .AddSingleton<ImportJobRunner>()
            .AddHostedService(sp => sp.GetRequiredService<ImportJobRunner>());
    }
}
