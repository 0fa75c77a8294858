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
        int counted = 0, excluded = 0, persistent = 0, severe = 0;
        long possible = 0, absent = 0;
        foreach (var e in enrolments)
        {
            if (e.Possible < 0 || e.Absent < 0 || e.Absent > e.Possible)
            {
                throw new ArgumentException(
                    $"Invalid sessions (possible {e.Possible}, absent {e.Absent}): absences must lie between 0 and the possible sessions.",
                    nameof(enrolments));
            }

            if (e.Possible == 0)
            {
                excluded++;
                continue;
            }

            counted++;
            possible += e.Possible;
            absent += e.Absent;
            if (AtLeastPercent(e.Absent, e.Possible, PersistentThresholdPercent))
            {
                persistent++;
            }

            if (AtLeastPercent(e.Absent, e.Possible, SevereThresholdPercent))
            {
                severe++;
            }
        }

        if (counted == 0)
        {
            return new AttendanceSummary(0, excluded, 0, 0, null, 0, null, 0, null);
        }

        return new AttendanceSummary(
            counted,
            excluded,
            possible,
            absent,
            100.0 * absent / possible,
            persistent,
            100.0 * persistent / counted,
            severe,
            100.0 * severe / counted);
    }
}
