using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Stepwise.Data;

namespace Stepwise.Infrastructure;

/// <summary>Web plumbing shared by every feature: Razor Pages under Features/, JSON, errors, security headers, health.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddStepwiseWeb(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions.Remove("exception"));
        services.AddExceptionHandler<ExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Stepwise API";
            document.Info.Description = "Schools, units, people and pupils of your trust. Authenticate with `Authorization: Bearer <token>` from `stepwise users token`.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddDataProtection().SetApplicationName("stepwise").PersistKeysToDbContext<AppDbContext>();
        services.Configure<FormOptions>(o => o.ValueCountLimit = 2048);
        return services;
    }

    public static WebApplication UseStepwisePipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapStepwiseWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
