using Stepwise.Features.Benchmarking;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Which pupils an attendance figure counts (ADR 0073). The DfE's absence figures count pupils aged 5 to 15 (Years 1
/// to 11); Stepwise's own figures for "all pupils" count the school's whole roll, Reception and the sixth form
/// included. Each attendance series says which it is, the whole-school figure has the Years 1 to 11 figure beside it
/// where they differ, and the DfE's published figure is set beside Stepwise's Years 1 to 11 figure only: like for like.
/// </summary>
public static class AttendanceCohorts
{
    /// <summary>How the DfE's cohort is named beside a figure.</summary>
    public const string DfeCohortLabel = "Years 1 to 11 (pupils aged 5 to 15), as the DfE counts";

    /// <summary>Stepwise's attendance measure and the DfE's published measure it is like for like with, on the DfE's cohort.</summary>
    public static readonly IReadOnlyDictionary<string, string> DfeMeasureOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DeriveSchoolMetrics.OverallAbsence.Key] = KeyMeasures.OverallAbsence,
        [DeriveSchoolMetrics.PersistentAbsence.Key] = KeyMeasures.PersistentAbsence,
    };

    public static bool IsOwnAttendance(string metricKey) => metricKey.StartsWith("attendance.", StringComparison.Ordinal);

    /// <summary>Stepwise's measure the DfE's published one is like for like with, or null when it is not an attendance measure.</summary>
    public static string? OwnMeasureOf(string dfeKey) => DfeMeasureOf.FirstOrDefault(m => m.Value == dfeKey).Key;

    /// <summary>
    /// The pupils a series counts, or null for a measure that is not about attendance: "All pupils on roll: Reception
    /// to Year 13", "Girls: Years 7 to 11", the DfE's cohort for Years 1 to 11 and for the DfE's own figures.
    /// </summary>
    /// <param name="yearGroups">The year groups the school's own figures have (its roll).</param>
    public static string? Label(string metricKey, string group, bool fromDfe, IReadOnlyCollection<int> yearGroups)
    {
        if (fromDfe)
        {
            return OwnMeasureOf(metricKey) is null ? null : $"{DfeCohortLabel}: the DfE's published figure";
        }
        if (!IsOwnAttendance(metricKey))
        {
            return null;
        }
        if (group == PupilGroups.DfeCohort)
        {
            return DfeCohortLabel;
        }
        var roll = yearGroups.Count == 0 ? null : PupilGroups.YearRange(yearGroups.Min(), yearGroups.Max());
        return group switch
        {
            PupilGroups.All => roll is null ? "All pupils on roll" : $"All pupils on roll: {roll}",
            _ when PupilGroups.YearOf(group) is not null => PupilGroups.Name(group),
            _ => roll is null ? PupilGroups.Name(group) : $"{PupilGroups.Name(group)}: {roll}",
        };
    }
}
