using Stepwise.Features.Pupils;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// The pupil groups figures are broken down by. Each characteristic group is compared with the rest of the
/// school ("disadvantaged" against "not-disadvantaged"); membership is read on the day the period starts, so a
/// pupil who became eligible for free school meals in the spring counts as disadvantaged from then on. For a period
/// before anything was recorded about a pupil (history imported after the fact) the earliest recorded value is used.
/// Callers pass pupils with only the characteristics the school itself recorded (ADR 0074): a pupil transferred in is
/// counted in a group by what the receiving school records, never by what the first school did.
/// </summary>
public static class PupilGroups
{
    public const string All = "all";

    /// <summary>
    /// The DfE's cohort for attendance: pupils of compulsory school age, 5 to 15, which is Years 1 to 11. The DfE's
    /// absence figures count only these; the school's whole roll (Reception, the sixth form) is "all" (ADR 0073).
    /// </summary>
    public const string DfeCohort = "years-1-11";

    /// <summary>Each group with its comparison group, in the order pages show them.</summary>
    public static readonly IReadOnlyList<(string Group, string Others, string Name, string OthersName)> Comparisons =
    [
        ("disadvantaged", "not-disadvantaged", "Disadvantaged", "Not disadvantaged"),
        ("sen", "no-sen", "SEN (support or EHC plan)", "No SEN"),
        ("eal", "not-eal", "English as an additional language", "English first language"),
        ("girls", "boys", "Girls", "Boys"),
    ];

    /// <summary>
    /// The groups a pupil is in on a day, "all" included. The year group is the one recorded, counted back from
    /// <paramref name="today"/> (or the day they left): a pupil in Year 6 now was in Year 5 a year ago.
    /// </summary>
    public static IEnumerable<string> Of(Pupil pupil, DateOnly day, DateOnly today)
    {
        yield return All;
        yield return ValueAt(pupil, Characteristic.Disadvantaged, day) == "yes" ? "disadvantaged" : "not-disadvantaged";
        yield return ValueAt(pupil, Characteristic.Sen, day) is "sen-support" or "ehc-plan" ? "sen" : "no-sen";
        yield return ValueAt(pupil, Characteristic.EnglishAdditionalLanguage, day) == "yes" ? "eal" : "not-eal";
        switch (ValueAt(pupil, Characteristic.Sex, day))
        {
            case "F":
                yield return "girls";
                break;
            case "M":
                yield return "boys";
                break;
        }
        var recordedIn = AcademicYear.Of(pupil.LeftOn ?? today).FirstYear;
        var yearThen = pupil.YearGroup - (recordedIn - AcademicYear.Of(day).FirstYear);
        if (yearThen is >= 0 and <= 13)
        {
            yield return YearGroup(yearThen);
        }
        if (yearThen is >= 1 and <= 11)
        {
            yield return DfeCohort;
        }
    }

    private static string? ValueAt(Pupil pupil, Characteristic kind, DateOnly day) =>
        pupil.ValueOn(kind, day) ?? pupil.Characteristics.Where(c => c.Kind == kind).OrderBy(c => c.From).FirstOrDefault()?.Value;

    public static string YearGroup(int year) => $"year-{year}";

    /// <summary>"Reception to Year 13", "Years 7 to 11", "Year 6": the year groups from the first to the last.</summary>
    public static string YearRange(int first, int last) =>
        first == last ? Name(YearGroup(first))
        : first == 0 ? $"Reception to Year {last}"
        : $"Years {first} to {last}";

    /// <summary>The year of a year-group code ("year-6" is 6), or null for any other group.</summary>
    public static int? YearOf(string group) =>
        group.StartsWith("year-", StringComparison.Ordinal) && int.TryParse(group[5..], out var y) && y is >= 0 and <= 13 ? y : null;

    /// <summary>
    /// The partition a group belongs to: the groups of one characteristic ("sex" for girls and boys, "year" for the
    /// year groups), which complementary suppression hides within first (ADR 0073).
    /// </summary>
    public static string PartitionOf(string group) =>
        group.StartsWith("year-", StringComparison.Ordinal) ? "year"
        : Comparisons.FirstOrDefault(c => c.Group == group || c.Others == group) is { Group: { } g } ? g
        : group;

    public static bool IsKnown(string group) =>
        group == All || group == DfeCohort || Comparisons.Any(c => c.Group == group || c.Others == group)
        || (group.StartsWith("year-", StringComparison.Ordinal) && int.TryParse(group[5..], out var y) && y is >= 0 and <= 13);

    /// <summary>The group as a sentence names it: "disadvantaged pupils", "pupils with SEN", "girls", "Year 6".</summary>
    public static string Phrase(string group) => group switch
    {
        All => "all pupils",
        DfeCohort => "pupils in Years 1 to 11",
        "disadvantaged" => "disadvantaged pupils",
        "not-disadvantaged" => "pupils who are not disadvantaged",
        "sen" => "pupils with SEN",
        "no-sen" => "pupils without SEN",
        "eal" => "pupils with English as an additional language",
        "not-eal" => "pupils with English as a first language",
        "girls" or "boys" => group,
        _ => Name(group),
    };

    public static string Name(string group)
    {
        if (group == All)
        {
            return "All pupils";
        }
        if (group == DfeCohort)
        {
            return "Years 1 to 11 (the DfE's cohort)";
        }
        foreach (var (g, rest, name, restName) in Comparisons)
        {
            if (g == group)
            {
                return name;
            }
            if (rest == group)
            {
                return restName;
            }
        }
        return group.StartsWith("year-", StringComparison.Ordinal) && int.TryParse(group[5..], out var year)
            ? year == 0 ? "Reception" : $"Year {year}"
            : group;
    }
}
