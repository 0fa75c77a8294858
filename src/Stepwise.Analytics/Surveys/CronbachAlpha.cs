using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Internal consistency of a scale (methods.md §5): α = k/(k − 1) · (1 − Σσ²ᵢₜₑₘ / σ²ₜₒₜₐₗ), with Feldt's interval
/// L = 1 − (1 − α)·F₍₁₋γ/2₎(n − 1, (n − 1)(k − 1)), U = 1 − (1 − α)·F₍γ/2₎(…), γ = 1 − confidence (as R's cocron).
/// </summary>
public static class CronbachAlpha
{
    /// <summary>
    /// Computes α from one row per respondent and one column per item (reverse-scored items already reversed).
    /// Respondents with any missing (null) answer are left out (listwise deletion).
    /// </summary>
    public static AlphaResult Compute(IReadOnlyList<IReadOnlyList<double?>> responses, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (confidence is <= 0 or >= 1 || double.IsNaN(confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), "Confidence lies strictly between 0 and 1.");
        }

        var k = responses.Count == 0 ? 0 : responses[0].Count;
        if (responses.Any(r => r.Count != k))
        {
            throw new ArgumentException("Every respondent needs one entry per item (null for missing).", nameof(responses));
        }

        var complete = responses.Where(r => r.All(v => v is not null)).Select(r => r.Select(v => v!.Value).ToArray()).ToArray();
        var n = complete.Length;
        if (k < 2 || n < 2)
        {
            return new AlphaResult(k, n, null, confidence, null, null);
        }

        var itemVariances = 0.0;
        var column = new double[n];
        for (var j = 0; j < k; j++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = complete[i][j];
            }

            itemVariances += Descriptive.SampleVariance(column);
        }

        var totals = complete.Select(r => r.Sum()).ToArray();
        var totalVariance = Descriptive.SampleVariance(totals);
        if (totalVariance <= 0)
        {
            return new AlphaResult(k, n, null, confidence, null, null);
        }

        var alpha = k / (k - 1.0) * (1 - itemVariances / totalVariance);
        var d1 = n - 1.0;
        var d2 = (n - 1.0) * (k - 1.0);
        var gamma = 1 - confidence;
        var low = 1 - (1 - alpha) * FisherF.Quantile(1 - gamma / 2, d1, d2);
        var high = 1 - (1 - alpha) * FisherF.Quantile(gamma / 2, d1, d2);
        return new AlphaResult(k, n, alpha, confidence, low, high);
    }
}
