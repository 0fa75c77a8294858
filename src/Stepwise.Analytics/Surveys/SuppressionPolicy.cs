namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Small-group protection for survey results (methods.md §5; issue 7): no figure from fewer than
/// <see cref="MinimumRespondents"/> (default 5, configurable per trust, never below 3); free text only from at least
/// <see cref="FreeTextMinimum"/> respondents (default and floor 10) and never in breakdowns; and secondary suppression
/// so that no hidden figure can be recovered by subtracting shown figures from a shown total.
/// </summary>
public sealed record SuppressionPolicy
{
    /// <summary>The lowest minimum a trust may configure.</summary>
    public const int AbsoluteMinimum = 3;

    /// <summary>The lowest free-text minimum allowed.</summary>
    public const int FreeTextAbsoluteMinimum = 10;

    /// <summary>Creates a policy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A minimum below its floor (3 for figures, 10 for free text).</exception>
    public SuppressionPolicy(int minimumRespondents = 5, int freeTextMinimum = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumRespondents, AbsoluteMinimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(freeTextMinimum, FreeTextAbsoluteMinimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(freeTextMinimum, minimumRespondents);
        MinimumRespondents = minimumRespondents;
        FreeTextMinimum = freeTextMinimum;
    }

    /// <summary>The default policy: 5 for figures, 10 for free text.</summary>
    public static SuppressionPolicy Default { get; } = new();

    /// <summary>Fewest respondents from which any figure is shown.</summary>
    public int MinimumRespondents { get; }

    /// <summary>Fewest respondents from which free-text answers are shown.</summary>
    public int FreeTextMinimum { get; }

    /// <summary>True when a figure from <paramref name="respondents"/> may be shown (before secondary suppression).</summary>
    public bool CanShowFigure(int respondents) => respondents >= MinimumRespondents;

    /// <summary>True when free text may be shown: enough respondents and not a breakdown group.</summary>
    public bool CanShowFreeText(int respondents, bool isBreakdown) => !isBreakdown && respondents >= FreeTextMinimum;

    /// <summary>
    /// Decides, for groups that partition a shown total (e.g. year groups of a school), which to hide. Groups below the
    /// minimum are hidden; while the hidden groups together have fewer respondents than the minimum (always so for one
    /// hidden group), the smallest shown group (the first on ties) is hidden too, so that what can be derived by
    /// subtracting the shown groups from the total is itself a group of at least the minimum. Groups with no respondents have no
    /// figure and nothing to protect, so they are neither counted as hidden nor chosen.
    /// </summary>
    public SuppressionReason[] SuppressPartition(ReadOnlySpan<int> groupRespondents)
    {
        var result = new SuppressionReason[groupRespondents.Length];
        var hidden = 0;
        var hiddenRespondents = 0;
        for (var i = 0; i < result.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(groupRespondents[i], nameof(groupRespondents));
            result[i] = groupRespondents[i] switch
            {
                0 => SuppressionReason.NoRespondents,
                var n when n < MinimumRespondents => SuppressionReason.TooFewRespondents,
                _ => SuppressionReason.Shown,
            };
            if (result[i] == SuppressionReason.TooFewRespondents)
            {
                hidden++;
                hiddenRespondents += groupRespondents[i];
            }
        }
        // The hidden groups together are what the total minus the shown groups gives away: when they add up to fewer
        // than the minimum (one hidden group alone always does), hide the smallest shown group with them.
        if (hidden > 0 && hiddenRespondents < MinimumRespondents)
        {
            var smallest = -1;
            for (var i = 0; i < result.Length; i++)
            {
                if (result[i] == SuppressionReason.Shown && (smallest < 0 || groupRespondents[i] < groupRespondents[smallest]))
                {
                    smallest = i;
                }
            }
            if (smallest >= 0)
            {
                result[smallest] = SuppressionReason.Complementary;
            }
        }

        return result;
    }
}
