namespace Stepwise.Features.SharedLanguage;

/// <summary>The trust's shared language of instructional practice (glossary, look-fors, step library) and improvement models.</summary>
public static class SharedLanguageFeature
{
    public static IServiceCollection AddSharedLanguage(this IServiceCollection services)
    {
        services.AddScoped<ReadLanguage>();
        return services;
    }
}
