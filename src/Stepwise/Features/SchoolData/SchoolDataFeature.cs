using Stepwise.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Imports;

namespace Stepwise.Features.SchoolData;

public static class SchoolDataFeature
{
    public static IServiceCollection AddSchoolData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        return services.AddScoped<ImportSchoolData>().AddScoped<ImportAttendance>().AddScoped<DeriveSchoolMetrics>()
            .AddScoped<QueueImport>().AddScoped<IImportJobHandler, SchoolDataJobs>()
            .AddSingleton<IDataUpgrade, DeriveFiguresAgain>();
    }

    /// <summary>
    /// Raises the request body limit for uploads (the page and the API) to `Imports:MaxUploadMegabytes`; a page upload
    /// above it is answered 413 at once, shown as the error page that names the limit. Runs after the status-code pages.
    /// </summary>
    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.Value is not { } path || !path.Contains("/imports", StringComparison.Ordinal))
        {
            return next(context);
        }
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value;
        if (context.Request.ContentLength > options.MaxUploadBytes && !context.Request.Path.StartsWithSegments("/api"))
        {
            // Refused before the form is read, so the page says why (the error page explains the limit).
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxUploadBytes;
        }
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = options.MaxUploadBytes }));
        return next(context);
    });

    public static IEndpointRouteBuilder MapSchoolDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/schools").WithTags("School data").RequireAuthorization()
            .MapPost("/{urn:int}/imports/{kind}", UploadAsync)
            .WithSummary("Import a school's MIS export (kind: pupils, assessments, attendance or behaviour) sent as the request body; ?acceptValid=true imports the valid rows and reports the rest");
        return app;
    }

    private static async Task<Results<Ok<ImportReportJson>, UnprocessableEntity<ImportReportJson>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> UploadAsync(
        int urn, string kind, bool? acceptValid, string? fileName, HttpContext http, ImportSchoolData import, Microsoft.Extensions.Options.IOptions<ImportOptions> options,
        CancellationToken ct)
    {
        if (SchoolFileLayout.Find(kind) is not { } layout)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = [$"\"{kind}\" is not a kind of school data: use {string.Join(", ", SchoolFileLayout.All.Select(l => l.Kind))}."],
            });
        }
        // The body is copied to a temporary file: the import reads it twice (hash and encoding, then rows) without holding it in memory.
        await using var file = await UploadedFile.SaveAsync(http.Request.Body, options.Value, ct);
        if (file.TooLarge)
        {
            return TypedResults.Problem(options.Value.TooLargeMessage, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large");
        }
        var outcome = await import.HandleAsync(new ImportSchoolData.Request(urn, layout, fileName ?? $"{kind}.csv", acceptValid ?? false), file.Stream, ct);
        return outcome.Kind switch
        {
            OutcomeKind.Ok when outcome.Value!.Imported || outcome.Value.AlreadyImported => TypedResults.Ok(ImportReportJson.From(outcome.Value)),
            OutcomeKind.Ok => TypedResults.UnprocessableEntity(ImportReportJson.From(outcome.Value!)),
            OutcomeKind.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }
}

/// <summary>Upload limits: `Imports:MaxUploadMegabytes` (default 200).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    public int MaxUploadMegabytes { get; set; } = 200;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    public string TooLargeMessage =>
        $"The file is larger than the {MaxUploadMegabytes} MB upload limit. Split it into smaller files (by term, say), or import it on the server with `stepwise import`.";
}

/// <summary>An uploaded file held in a temporary file that deletes itself.</summary>
public sealed class UploadedFile : IAsyncDisposable
{
    private UploadedFile(FileStream stream, bool tooLarge) => (Stream, TooLarge) = (stream, tooLarge);

    public FileStream Stream { get; }

    public bool TooLarge { get; }

    public static async Task<UploadedFile> SaveAsync(Stream body, ImportOptions options, CancellationToken ct)
    {
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > options.MaxUploadBytes)
                {
                    return new UploadedFile(stream, tooLarge: true);
                }
                await stream.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new UploadedFile(stream, tooLarge: true);
        }
        stream.Position = 0;
        return new UploadedFile(stream, tooLarge: false);
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
