namespace Stepwise.Analytics.Attendance;

/// <summary>One enrolment's sessions (half days) for a period (methods.md §6).</summary>
/// <param name="Possible">Possible sessions (excluding non-possible ones such as planned closures).</param>
/// <param name="Absent">Sessions missed, authorised plus unauthorised.</param>
public readonly record struct PupilSessions(int Possible, int Absent);
