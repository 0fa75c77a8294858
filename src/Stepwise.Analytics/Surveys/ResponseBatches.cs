namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Which responses the figures of a survey may use while it still takes answers. Someone who reads the results before
/// and after one more answer learns that answer from the difference; so while a survey is open its figures use only the
/// first responses (in the order they arrived) in whole batches of the minimum group size m, and they hold the latest
/// batch back: <c>(⌊n / m⌋ − 1) × m</c> of n received, never fewer than none. Between any two readings the figures
/// then differ by whole batches of m people, and when the survey closes and every response counts, the last figures
/// shown while open are at least m responses behind — so closing cannot single out the last few answers either. (Using
/// <c>⌊n / m⌋ × m</c> without holding a batch back would let the closing step reveal the final n mod m answers.)
/// </summary>
public static class ResponseBatches
{
    /// <summary>How many of the first responses the figures use.</summary>
    /// <param name="received">Responses stored so far.</param>
    /// <param name="minimum">The trust's minimum group size (the batch size).</param>
    /// <param name="open">True while the survey may still take answers; a closed survey uses every response.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or a minimum below 1.</exception>
    public static int ToShow(int received, int minimum, bool open)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        return open ? Math.Max(0, received / minimum - 1) * minimum : received;
    }

    /// <summary>While open: how many responses must have arrived before the figures next change.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or a minimum below 1.</exception>
    public static int NextStepAt(int received, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        return (received / minimum + 1) * minimum;
    }
}
