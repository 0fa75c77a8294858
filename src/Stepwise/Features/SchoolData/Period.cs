using System.Globalization;
using System.Text.RegularExpressions;

namespace Stepwise.Features.SchoolData;

public enum PeriodKind
{
    Year,
    Term,
    HalfTerm,
    Week,
    Date,
}

/// <summary>
/// A reporting period as schools write it: an academic year ("2024/25" or "2024-25"), a term ("2024/25 Autumn"), a
/// half-term ("2024/25 HT1" … "HT6"), an ISO week ("2025-W03") or a day ("2025-01-14"). Each has a canonical code
/// and a start date used to put periods in order. Term and half-term starts are nominal (1 September, 1 November,
/// 1 January, 15 February, 15 April, 1 June): schools' own dates differ by a few days, the order does not.
/// </summary>
public sealed partial record Period(PeriodKind Kind, string Code, DateOnly Start)
{
    [GeneratedRegex(@"^(\d{4}\s*[/-]\s*(?:\d{2}|\d{4}))(?:\s+(.+))?$")]
    private static partial Regex YearAndPart();

    [GeneratedRegex(@"^(\d{4})-?W(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoWeek();

    public static string Expected => "an academic year (2024/25), a term (2024/25 Autumn), a half-term (2024/25 HT1 to HT6), a week (2025-W03) or a date (2025-01-14), from 1990/91 to 2100/01";

    /// <summary>The academic year a period falls in, as "2024/25".</summary>
    public string AcademicYearCode => Kind is PeriodKind.Year or PeriodKind.Term or PeriodKind.HalfTerm ? Code[..7] : Common.AcademicYear.Of(Start).ToString();

    /// <summary>The half-term a day falls in, by the nominal starts.</summary>
    public static Period HalfTermOf(DateOnly day) => Parse($"{Common.AcademicYear.Of(day)} HT{Common.AcademicYear.HalfTermOf(day)}")!;

    /// <summary>Periods already read: a file names the same few periods on every line. Bounded, so odd text cannot fill it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Period?> Known = new(StringComparer.Ordinal);

    private const int KnownAtMost = 10_000;

    public static Period? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (Known.TryGetValue(text, out var known))
        {
            return known;
        }
        var period = Read(text);
        if (Known.Count < KnownAtMost)
        {
            Known.TryAdd(text, period);
        }
        return period;
    }

    private static Period? Read(string text)
    {
        var value = text.Trim();
        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return InRange(day) ? new Period(PeriodKind.Date, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day) : null;
        }
        if (IsoWeek().Match(value) is { Success: true } week)
        {
            var (y, w) = (int.Parse(week.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture));
            if (w < 1 || w > ISOWeek.GetWeeksInYear(y))
            {
                return null;
            }
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
            return InRange(monday) ? new Period(PeriodKind.Week, $"{y}-W{w:00}", monday) : null;
        }
        if (YearAndPart().Match(value) is not { Success: true } match || !Common.AcademicYear.TryParse(match.Groups[1].Value, out var year))
        {
            return null;
        }
        var code = year.ToString();
        var part = match.Groups[2].Success ? match.Groups[2].Value.Trim() : "";
        if (part.Length == 0)
        {
            return new Period(PeriodKind.Year, code, year.StartsOn);
        }
        var term = Enumerable.Range(0, 3).FirstOrDefault(t => Common.AcademicYear.TermNames[t].Equals(part, StringComparison.OrdinalIgnoreCase)
            || (Common.AcademicYear.TermNames[t] + " term").Equals(part, StringComparison.OrdinalIgnoreCase), -1);
        if (term >= 0)
        {
            return new Period(PeriodKind.Term, $"{code} {Common.AcademicYear.TermNames[term]}", year.TermStart(term + 1));
        }
        var compact = part.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length == 3 && compact.StartsWith("HT", StringComparison.OrdinalIgnoreCase) && compact[2] is >= '1' and <= '6')
        {
            var half = compact[2] - '0';
            return new Period(PeriodKind.HalfTerm, $"{code} HT{half}", year.HalfTermStart(half));
        }
        return null;
    }

    /// <summary>A day or week must fall in an academic year Stepwise records (1990/91 to 2100/01), as its year's figures need.</summary>
    private static bool InRange(DateOnly day) => day >= Common.AcademicYear.Earliest.StartsOn && day <= Common.AcademicYear.Latest.EndsOn;

    public override string ToString() => Code;
}
