namespace Stepwise.Analytics.Attendance;

/// <summary>
/// DfE absence measures (methods.md §6): overall absence rate summed over sessions, persistent absence (≥ 10% of the
/// pupil's own possible sessions, the "exact" method since 2015/16) and severe absence (≥ 50%). Thresholds are
/// compared in exact integer arithmetic, so 30 of 300 sessions is exactly 10% and counts.
/// </summary>
public static class AbsenceMeasures
{
    /// <summary>Persistent absence threshold, as a percentage of possible sessions.</summary>
    public const int PersistentThresholdPercent = 10;

    /// <summary>Severe absence threshold, as a percentage of possible sessions.</summary>
    public const int SevereThresholdPercent = 50;

    /// <summary>True when <paramref name="absent"/> is at least <paramref name="percent"/>% of <paramref name="possible"/>.</summary>
    public static bool AtLeastPercent(int absent, int possible, int percent) =>
        possible > 0 && 100L * absent >= (long)percent * possible;

    /// <summary>Summarises enrolments; those with no possible sessions are excluded and counted separately.</summary>
    /// <exception cref="ArgumentException">Negative sessions, or more absences than possible sessions.</exception>
    public static AttendanceSummary Summarise(ReadOnlySpan<PupilSessions> enrolments)
    {
        var tally = new AbsenceTally();
        foreach (var e in enrolments)
        {
            tally.Add(e);
        }

        return tally.Summary();
    }
}

/// <summary>
/// <see cref="AbsenceMeasures.Summarise"/> one enrolment at a time, for a caller that sorts a million enrolments into
/// many groups at once and need not keep them: the same counts and sums, so the same summary.
/// </summary>
public struct AbsenceTally
{
    private int _counted, _excluded, _persistent, _severe;
    private long _possible, _absent;

    /// <summary>Counts one enrolment: excluded when it has no possible sessions.</summary>
    /// <exception cref="ArgumentException">Negative sessions, or more absences than possible sessions.</exception>
    public void Add(PupilSessions enrolment)
    {
        var (possible, absent) = (enrolment.Possible, enrolment.Absent);
        if (possible < 0 || absent < 0 || absent > possible)
        {
            throw new ArgumentException(
                $"Invalid sessions (possible {possible}, absent {absent}): absences must lie between 0 and the possible sessions.",
                nameof(enrolment));
        }

        if (possible == 0)
        {
            _excluded++;
            return;
        }

        _counted++;
        _possible += possible;
        _absent += absent;
        if (AbsenceMeasures.AtLeastPercent(absent, possible, AbsenceMeasures.PersistentThresholdPercent))
        {
            _persistent++;
        }

        if (AbsenceMeasures.AtLeastPercent(absent, possible, AbsenceMeasures.SevereThresholdPercent))
        {
            _severe++;
        }
    }

    /// <summary>Whether any enrolment, counted or excluded, has been added.</summary>
    public readonly bool IsEmpty => _counted == 0 && _excluded == 0;

    /// <summary>The summary of every enrolment added so far.</summary>
    public readonly AttendanceSummary Summary() => _counted == 0
        ? new AttendanceSummary(0, _excluded, 0, 0, null, 0, null, 0, null)
        : new AttendanceSummary(
            _counted,
            _excluded,
            _possible,
            _absent,
            100.0 * _absent / _possible,
            _persistent,
            100.0 * _persistent / _counted,
            _severe,
            100.0 * _severe / _counted);
}
