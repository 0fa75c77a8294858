namespace Stepwise.Features.Surveys;

public static class SurveysFeature
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SurveyWriteGate>();
        services.AddSingleton<UsedCodesRewrite>();
        services.AddSingleton<SurveySubmissionLimit>();
        services.AddScoped<SurveyAccess>();
        services.AddScoped<BuildSurvey>();
        services.AddScoped<ChangeSurveyStatus>();
        services.AddScoped<IssueCodes>();
        services.AddScoped<SubmitResponse>();
        services.AddScoped<ReadSurveys>();
        services.AddScoped<ReadSurveyResults>();
        services.AddScoped<ReadYouSaidWeDid>();
        services.AddScoped<SurveyMinimum>();
        services.AddScoped<SaveYouSaidWeDid>();

        return services;
    }
}
