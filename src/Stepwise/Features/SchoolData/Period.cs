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
    private static readonly string[] Terms = ["Autumn", "Spring", "Summer"];
    private static readonly (int Month, int Day)[] TermStarts = [(9, 1), (1, 1), (4, 15)];
    private static readonly (int Month, int Day)[] HalfTermStarts = [(9, 1), (11, 1), (1, 1), (2, 15), (4, 15), (6, 1)];

    [GeneratedRegex(@"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})(?:\s+(.+))?$")]
    private static partial Regex AcademicYear();

    [GeneratedRegex(@"^(\d{4})-?W(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoWeek();

    public static string Expected => "an academic year (2024/25), a term (2024/25 Autumn), a half-term (2024/25 HT1 to HT6), a week (2025-W03) or a date (2025-01-14), from 1990/91 to 2100/01";

    /// <summary>The academic year a period falls in, as "2024/25".</summary>
    public string AcademicYearCode => Kind is PeriodKind.Year or PeriodKind.Term or PeriodKind.HalfTerm ? Code[..7] : YearOf(Start);

    public static string YearOf(DateOnly day)
    {
        var first = day.Month >= 9 ? day.Year : day.Year - 1;
        return $"{first}/{(first + 1) % 100:00}";
    }

    /// <summary>The half-term a day falls in, by the nominal starts.</summary>
    public static Period HalfTermOf(DateOnly day)
    {
        var year = YearOf(day);
        var first = int.Parse(year[..4], CultureInfo.InvariantCulture);
        var index = HalfTermStarts.Select((s, i) => (Start: new DateOnly(s.Month >= 9 ? first : first + 1, s.Month, s.Day), i))
            .Last(s => s.Start <= day).i;
        return Parse($"{year} HT{index + 1}")!;
    }

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
        if (AcademicYear().Match(value) is not { Success: true } match)
        {
            return null;
        }
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if ((end < 100 ? end : end % 100) != (start + 1) % 100 || start < 1990 || start > 2100)
        {
            return null;
        }
        var code = $"{start}/{(start + 1) % 100:00}";
        var part = match.Groups[3].Success ? match.Groups[3].Value.Trim() : "";
        if (part.Length == 0)
        {
            return new Period(PeriodKind.Year, code, new DateOnly(start, 9, 1));
        }
        var term = Array.FindIndex(Terms, t => t.Equals(part, StringComparison.OrdinalIgnoreCase)
            || (t + " term").Equals(part, StringComparison.OrdinalIgnoreCase));
        if (term >= 0)
        {
            return new Period(PeriodKind.Term, $"{code} {Terms[term]}", StartOf(start, TermStarts[term]));
        }
        var compact = part.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length == 3 && compact.StartsWith("HT", StringComparison.OrdinalIgnoreCase) && compact[2] is >= '1' and <= '6')
        {
            var half = compact[2] - '1';
            return new Period(PeriodKind.HalfTerm, $"{code} HT{half + 1}", StartOf(start, HalfTermStarts[half]));
        }
        return null;
    }

    /// <summary>A day or week must fall in an academic year Stepwise records (1990/91 to 2100/01), as its year's figures need.</summary>
    private static bool InRange(DateOnly day) => day >= new DateOnly(1990, 9, 1) && day < new DateOnly(2101, 9, 1);

    private static DateOnly StartOf(int firstYear, (int Month, int Day) start) =>
        new(start.Month >= 9 ? firstYear : firstYear + 1, start.Month, start.Day);

    public override string ToString() => Code;
}
