using System.Threading.RateLimiting;

namespace Stepwise.Features.Surveys;

/// <summary>
/// How many valid responses one sender (an address) may send a minute, across every survey: a flood from one place
/// is slowed without shutting the survey for anyone else. Only a submission that passed validation is counted, so junk
/// posted to a link uses up nothing (ADR 0072); a person over the limit is told, and their answers stay on the form.
/// </summary>
public sealed class SurveySubmissionLimit(IConfiguration configuration) : IDisposable
{
    public const string Message = "Your answers have not been sent yet: a great many answers have come from your network in the last minute. They are still on this page: wait a minute, then press \u201cSend my answers\u201d again.";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(sender =>
    {
        var limit = configuration.GetValue("Surveys:ResponsesPerMinutePerSender", 600);
        return RateLimitPartition.GetTokenBucketLimiter(sender, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = Math.Max(1, limit / 6),
            ReplenishmentPeriod = TimeSpan.FromSeconds(10),
            QueueLimit = 0,
        });
    });

    /// <summary>Counts one valid submission from <paramref name="sender"/>; false when they are over the limit.</summary>
    public bool TryTake(string sender)
    {
        using var lease = _limiter.AttemptAcquire(sender);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
