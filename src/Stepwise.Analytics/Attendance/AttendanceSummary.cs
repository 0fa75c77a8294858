namespace Stepwise.Analytics.Attendance;

/// <summary>
/// Absence measures for a set of enrolments as DfE defines them (methods.md §6). Rates are percentages (0–100) and
/// are null when there are no enrolments with possible sessions.
/// </summary>
/// <param name="Enrolments">Enrolments counted (with at least one possible session).</param>
/// <param name="ExcludedNoPossibleSessions">Enrolments left out because they had no possible sessions.</param>
/// <param name="PossibleSessions">Σ possible sessions.</param>
/// <param name="AbsentSessions">Σ sessions missed.</param>
/// <param name="OverallAbsenceRate">Σ missed / Σ possible × 100 (not an average of pupil rates).</param>
/// <param name="PersistentlyAbsent">Enrolments absent for ≥ 10% of their own possible sessions.</param>
/// <param name="PersistentAbsenceRate">PersistentlyAbsent / Enrolments × 100.</param>
/// <param name="SeverelyAbsent">Enrolments absent for ≥ 50% of their own possible sessions.</param>
/// <param name="SevereAbsenceRate">SeverelyAbsent / Enrolments × 100.</param>
public sealed record AttendanceSummary(
    int Enrolments,
    int ExcludedNoPossibleSessions,
    long PossibleSessions,
    long AbsentSessions,
    double? OverallAbsenceRate,
    int PersistentlyAbsent,
    double? PersistentAbsenceRate,
    int SeverelyAbsent,
    double? SevereAbsenceRate);
