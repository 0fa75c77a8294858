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
            o.SerializerOptions.Converters.Add(new LenientStringConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions.Remove("exception"));
        services.AddExceptionHandler<ExceptionHandler>();
        // A body that cannot be read reaches the exception handler, which names the field at fault.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Stepwise API";
            document.Info.Description = "Schools, units, people and pupils of your trust. Authenticate with `Authorization: Bearer <token>` from `stepwise users token`.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // The keys live in the database beside the data they protect, unencrypted by decision (ADR 0080): a certificate or
        // Windows DPAPI would be needed to encrypt them, and whoever can read the database can read what they protect.
        services.AddDataProtection().SetApplicationName("stepwise").PersistKeysToDbContext<AppDbContext>();
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
            o.XmlEncryptor ??= new Microsoft.AspNetCore.DataProtection.XmlEncryption.NullXmlEncryptor());
        services.Configure<FormOptions>(o => o.ValueCountLimit = 2048);
        return services;
    }

    public static WebApplication UseStepwisePipeline(this WebApplication app)
    {
        app.UseProxyAndHsts();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // A body that could not be read is the caller's mistake, answered with a 400 naming the field: not an error to log.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseSecurityHeaders();
        // API bodies are small; buffering them lets a body that cannot be read be reported cleanly.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") && c.Request.HasJsonContentType(), api => api.Use((c, next) =>
        {
            c.Request.EnableBuffering();
            return next(c);
        }));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSignedInResponseRules();
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
