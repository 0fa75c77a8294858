using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Stepwise.Features.Surveys;

public static class SurveysFeature
{
    /// <summary>The rate limit on the public response page, partitioned by survey link.</summary>
    public const string ResponseRateLimit = "survey-link";

    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SurveyWriteGate>();
        services.AddSingleton<UsedCodesRewrite>();
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

        // Per link, not per address: a whole school answers from behind one address. The limit stops a script
        // flooding a survey while leaving room for a school of 2,000 answering in one registration period.
        services.AddRateLimiter(o => o.AddPolicy(ResponseRateLimit, context =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("page");
            }
            var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Surveys:ResponsesPerMinutePerLink", 600);
            var token = context.Request.RouteValues["token"] as string ?? "none";
            return RateLimitPartition.GetTokenBucketLimiter(token, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit,
                TokensPerPeriod = Math.Max(1, limit / 6),
                ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                QueueLimit = 0,
            });
        }));
        return services;
    }
}
