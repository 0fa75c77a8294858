using Microsoft.Extensions.Time.Testing;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// The clock every test app runs on, in place of <see cref="TimeProvider.System"/>: results never depend on the day the
/// suite runs. It starts on a Monday in the autumn term, 16 November 2026 at 09:00 UTC (academic year 2026/27).
/// </summary>
/// <remarks>
/// It moves forward a millisecond each time it is read, so records written one after another keep their order, as on a
/// real clock (a few pages order by time alone); a test run reads it far fewer than the 54 million times that would
/// take it to another day. A test that needs time to pass says so with <c>Clock.Advance</c>.
/// <para>
/// Two things outside the app compare times with the real clock: HttpClient's cookie container and Chromium drop a
/// cookie whose Expires is in the real past, and 16 November 2026 may well be. The sign-in cookie has no Expires: it is
/// a session cookie (signing in is never persistent, see Features/Accounts/SignIn.cshtml.cs), and the session's end is
/// kept on the server (DbTicketStore) and checked against this clock; the two-factor and antiforgery cookies are
/// session cookies too. So the fixed date is both deterministic and safe for signing in. ASP.NET Core Identity's
/// one-time codes (TOTP) and lockout read the real clock inside Identity, which takes no TimeProvider: a test that
/// computes an authenticator code must use the real time (see Features/Accounts/TwoFactorSignIn.cs).
/// </para>
/// </remarks>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
