using Microsoft.AspNetCore.Diagnostics;

namespace Stepwise.Infrastructure;

/// <summary>
/// The one place an unexpected error is turned into a reply: ProblemDetails for /api (no stack trace),
/// the friendly error page for everything else. The details go to the log with a trace id the person can quote.
/// </summary>
internal sealed class ExceptionHandler(IProblemDetailsService problems, ILogger<ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? "The upload is larger than allowed." : "The request could not be read."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        // By now the request path is /error; the path that failed is kept in the feature.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false; // the error page is shown by re-executing /error
        }
        if (exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException json })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            var (field, message) = Describe(json);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = 400,
                    Title = "One or more validation errors occurred.",
                },
            });
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = status == 400 ? exception.Message : null },
        });
    }

    /// <summary>"pupils": "must be a number", or the line and position where the JSON stops making sense.</summary>
    private static (string Field, string Message) Describe(System.Text.Json.JsonException json)
    {
        var malformed = json.InnerException?.GetType().Name == "JsonReaderException";
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "";
        if (malformed || field.Length == 0)
        {
            return ("", $"The request body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).");
        }
        var expected = json.Message.Contains("Int", StringComparison.Ordinal) || json.Message.Contains("Double", StringComparison.Ordinal)
            ? "a number"
            : json.Message.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : json.Message.Contains("DateOnly", StringComparison.Ordinal) ? "a date, like 2026-07-31"
            : "a value of the right kind";
        return (field, $"{field} must be {expected}.");
    }
}
