namespace Stepwise.Common;

/// <summary>"Now" and "today" as Stepwise reads them: always from the injected <see cref="TimeProvider"/> (a fake one in tests).</summary>
public static class Clock
{
    /// <summary>The moment as a UTC <see cref="DateTime"/>, as every stored time is kept (ADR 0003).</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date (by UTC, as every stored date is).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The academic year today falls in.</summary>
    public static AcademicYear ThisAcademicYear(this TimeProvider clock) => AcademicYear.Of(clock.Today());
}
