namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Which answers the figures of a survey that still takes answers may use (ADR 0072). Every response belongs to one
/// <em>cell</em>: the finest group any figure can be cut by (for a trust-wide survey the school, then the year group and
/// the staff role when asked; "not stated" is a group too). In each cell, and separately for each question, a figure
/// uses only the first answers in the order they arrived, in whole batches of the minimum m with the latest batch
/// held back (<see cref="ResponseBatches.ToShow"/> applied to that cell's answers to that question). Every figure —
/// a question for the whole survey, for a year group, for a school, its written answers, a trust-wide figure — is
/// then a union of whole cells' released answers, so:
/// <list type="bullet">
/// <item>between two readings each cell's released answers only grow, by 0 or at least m, so the difference of any
/// figure between readings is an aggregate of at least m answers;</item>
/// <item>two figures of one reading (the whole survey and a year group, a year group and a school, a trust-wide figure
/// and one school's) differ by whole cells, each 0 or at least m answers;</item>
/// <item>a question skipped by filler responses cannot move by one answer: its own answers are what is batched.</item>
/// </list>
/// A closed survey uses every answer (and the figures rules of ADR 0031 and 0061).
/// </summary>
public static class OpenSurveyRelease
{
    /// <summary>For each answer of one question (or respondent of one figure), in the order they arrived: may a figure use it?</summary>
    /// <param name="cells">The cell of each answer's response, in arrival order.</param>
    /// <param name="minimum">The trust's minimum group size (the batch size).</param>
    /// <param name="open">True while the survey may still take answers; a closed survey releases every answer.</param>
    /// <exception cref="ArgumentOutOfRangeException">A minimum below 1.</exception>
    public static bool[] Released<TCell>(IReadOnlyList<TCell> cells, int minimum, bool open) where TCell : notnull
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        var result = new bool[cells.Count];
        if (!open)
        {
            Array.Fill(result, true);
            return result;
        }
        var received = new Dictionary<TCell, int>();
        foreach (var cell in cells)
        {
            received[cell] = received.GetValueOrDefault(cell) + 1;
        }
        var taken = new Dictionary<TCell, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var used = taken.GetValueOrDefault(cells[i]);
            if (used < ResponseBatches.ToShow(received[cells[i]], minimum, open: true))
            {
                result[i] = true;
                taken[cells[i]] = used + 1;
            }
        }
        return result;
    }
}
