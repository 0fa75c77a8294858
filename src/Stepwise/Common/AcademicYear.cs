using System.Globalization;
using System.Text.RegularExpressions;

namespace Stepwise.Common;

/// <summary>
/// An academic year in England: 1 September to 31 August, written "2024/25". The DfE names a year by the calendar
/// year it ends in (2025 for 2024/25): <see cref="EndingIn"/> and <see cref="EndYear"/> convert. Terms and half-terms
/// start on nominal days (1 September, 1 November, 1 January, 15 February, 15 April, 1 June): schools' own dates
/// differ by a few days, the order does not.
/// </summary>
public readonly partial record struct AcademicYear(int FirstYear) : IComparable<AcademicYear>
{
    /// <summary>The earliest and latest years Stepwise records: 1990/91 to 2100/01.</summary>
    public static readonly AcademicYear Earliest = new(1990), Latest = new(2100);

    private static readonly (int Month, int Day)[] TermStarts = [(9, 1), (1, 1), (4, 15)];
    private static readonly (int Month, int Day)[] HalfTermStarts = [(9, 1), (11, 1), (1, 1), (2, 15), (4, 15), (6, 1)];

    /// <summary>The three terms' names, in order.</summary>
    public static IReadOnlyList<string> TermNames { get; } = ["Autumn", "Spring", "Summer"];

    public int EndYear => FirstYear + 1;

    public DateOnly StartsOn => new(FirstYear, 9, 1);

    /// <summary>The last day: 31 August.</summary>
    public DateOnly EndsOn => new(FirstYear + 1, 8, 31);

    public AcademicYear Next => new(FirstYear + 1);

    public AcademicYear Previous => new(FirstYear - 1);

    public bool IsRecorded => FirstYear >= Earliest.FirstYear && FirstYear <= Latest.FirstYear;

    public static AcademicYear Of(DateOnly day) => new(day.Month >= 9 ? day.Year : day.Year - 1);

    /// <summary>The year the DfE calls <paramref name="endYear"/>: 2025 is 2024/25.</summary>
    public static AcademicYear EndingIn(int endYear) => new(endYear - 1);

    public bool Contains(DateOnly day) => day >= StartsOn && day <= EndsOn;

    /// <summary>The first day of term 1 (autumn), 2 (spring) or 3 (summer).</summary>
    public DateOnly TermStart(int term) => StartOf(TermStarts[Check(term, 3, nameof(term)) - 1]);

    /// <summary>The first day of half-term 1 to 6.</summary>
    public DateOnly HalfTermStart(int halfTerm) => StartOf(HalfTermStarts[Check(halfTerm, 6, nameof(halfTerm)) - 1]);

    /// <summary>The last day of term 1 to 3: the day before the next one starts (the summer term runs to 31 August).</summary>
    public DateOnly TermEnd(int term) => (term == 3 ? Next.StartsOn : TermStart(term + 1)).AddDays(-1);

    /// <summary>The last day of half-term 1 to 6: the day before the next one starts.</summary>
    public DateOnly HalfTermEnd(int halfTerm) => (halfTerm == 6 ? Next.StartsOn : HalfTermStart(halfTerm + 1)).AddDays(-1);

    /// <summary>The term (1 to 3) a day of this year falls in.</summary>
    public static int TermOf(DateOnly day)
    {
        var year = Of(day);
        return Enumerable.Range(1, 3).Last(t => year.TermStart(t) <= day);
    }

    /// <summary>The half-term (1 to 6) a day of this year falls in.</summary>
    public static int HalfTermOf(DateOnly day)
    {
        var year = Of(day);
        return Enumerable.Range(1, 6).Last(h => year.HalfTermStart(h) <= day);
    }

    /// <summary>"2024/25"; also reads "2024-25" and "2024/2025", and nothing outside 1990/91 to 2100/01.</summary>
    public static bool TryParse(string? text, out AcademicYear year)
    {
        year = default;
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } match)
        {
            return false;
        }
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var candidate = new AcademicYear(start);
        if ((end < 100 ? end : end % 100) != (start + 1) % 100 || (end >= 100 && end != start + 1) || !candidate.IsRecorded)
        {
            return false;
        }
        year = candidate;
        return true;
    }

    public int CompareTo(AcademicYear other) => FirstYear.CompareTo(other.FirstYear);

    public static bool operator <(AcademicYear a, AcademicYear b) => a.FirstYear < b.FirstYear;

    public static bool operator >(AcademicYear a, AcademicYear b) => a.FirstYear > b.FirstYear;

    public static bool operator <=(AcademicYear a, AcademicYear b) => a.FirstYear <= b.FirstYear;

    public static bool operator >=(AcademicYear a, AcademicYear b) => a.FirstYear >= b.FirstYear;

    public override string ToString() => $"{FirstYear}/{(FirstYear + 1) % 100:00}";

    private DateOnly StartOf((int Month, int Day) start) => new(start.Month >= 9 ? FirstYear : FirstYear + 1, start.Month, start.Day);

    private static int Check(int value, int most, string name) =>
        value >= 1 && value <= most ? value : throw new ArgumentOutOfRangeException(name, value, $"Must be 1 to {most}.");

    [GeneratedRegex(@"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")]
    private static partial Regex Pattern();
}
