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
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false; // the error page is shown by re-executing /error
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = status == 400 ? exception.Message : null },
        });
    }
}
