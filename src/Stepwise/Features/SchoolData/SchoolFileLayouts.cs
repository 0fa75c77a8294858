using System.Globalization;
using Stepwise.Features.Imports;
using Stepwise.Features.Pupils;

namespace Stepwise.Features.SchoolData;

/// <summary>A column of a school's MIS export: our name, the header names MIS exports commonly use for it, and what it holds.</summary>
public sealed record ColumnSpec(string Name, string[] Aliases, bool Required, string Holds);

/// <summary>The rows of each kind of school file, as read and checked.</summary>
public abstract record SchoolRow(int Line, string Upn);

public sealed record PupilRow(int Line, string Upn, int YearGroup, string? Sex, bool? Disadvantaged, bool? FreeSchoolMeals, string? Sen, bool? Eal, DateOnly? LeftOn)
    : SchoolRow(Line, Upn);

public sealed record AssessmentRow(int Line, string Upn, string Subject, Period Period, string ResultType, string Result, double? Score, bool? Expected)
    : SchoolRow(Line, Upn);

public sealed record AttendanceRow(int Line, string Upn, Period Period, int Possible, int Present, int Authorised, int Unauthorised)
    : SchoolRow(Line, Upn);

public sealed record BehaviourRow(int Line, string Upn, string Reference, DateOnly Date, string Category, int? Points)
    : SchoolRow(Line, Upn);

/// <summary>
/// The four kinds of a school's own data, each with its columns. Headers are matched by name, ignoring case, spaces
/// and punctuation, against our name and the names SIMS, Arbor and Bromcom exports commonly use; a mapping file
/// handles any others. The example files in <c>docs/examples/</c> show each layout.
/// </summary>
public sealed record SchoolFileLayout(string Kind, string Title, IReadOnlyList<ColumnSpec> Columns, Func<RowCells, SchoolRow?> Parse)
{
    public static readonly SchoolFileLayout Pupils = new("pupils", "Pupils and their characteristics",
    [
        new("UPN", ["Unique Pupil Number", "UPN Number"], true, "the pupil's UPN (a letter, 11 digits and a digit or letter); it is turned into a pseudonymous key and never stored"),
        new("YearGroup", ["Year", "NC Year", "NC Year Actual", "National Curriculum Year", "Year Group", "Curriculum Year"], true, "national curriculum year: R or 0 for Reception, 1 to 13"),
        new("Sex", ["Gender"], false, "F or M (Female, Male)"),
        new("Disadvantaged", ["Pupil Premium", "PP", "Pupil Premium Indicator", "Disadvantaged Indicator"], false, "Y or N: eligible for the pupil premium"),
        new("FSM", ["Free School Meals", "FSM Eligible", "FSM Eligibility", "Eligible for FSM"], false, "Y or N: eligible for free school meals"),
        new("SEN", ["SEN Status", "SEN Provision", "SEN Need", "SEND Status"], false, "N (none), K (SEN support) or E (EHC plan)"),
        new("EAL", ["English Additional Language", "EAL Status", "English as an Additional Language"], false, "Y or N"),
        new("LeavingDate", ["Leaving Date", "Date of Leaving", "Left On", "Leave Date"], false, "the day the pupil left, if they have (dd/mm/yyyy or yyyy-mm-dd)"),
    ], ParsePupil);

    public static readonly SchoolFileLayout Assessments = new("assessments", "Assessment results",
    [
        new("UPN", ["Unique Pupil Number"], true, "the pupil's UPN"),
        new("Subject", ["Aspect", "Subject Name", "Course"], true, "the subject, e.g. Reading, Maths"),
        new("Period", ["Assessment Period", "Term", "Collection", "Data Drop"], true, Period.Expected),
        new("Result", ["Score", "Grade", "Outcome", "Mark", "Scaled Score"], true, "a scaled score (80 to 120), a grade (1 to 9) or a standard (WTS, EXS, GDS; also PKS, HNM, BLW)"),
        new("ResultType", ["Result Type", "Type", "Assessment Type"], false, "scaled-score, grade or standard (worked out from the result when left out)"),
    ], ParseAssessment);

    public static readonly SchoolFileLayout Attendance = new("attendance", "Attendance sessions per pupil per period",
    [
        new("UPN", ["Unique Pupil Number"], true, "the pupil's UPN"),
        new("Period", ["Attendance Period", "Term", "Half Term"], true, Period.Expected),
        new("Possible", ["Possible Sessions", "Sessions Possible", "Possible Marks"], true, "possible sessions (half days)"),
        new("Present", ["Present Sessions", "Sessions Present", "Attended", "Present Marks", "Attendance Sessions"], true, "sessions present (including approved educational activity)"),
        new("Authorised", ["Authorised Absences", "Authorised Absence", "Authorised Sessions", "Auth Absence"], true, "sessions of authorised absence"),
        new("Unauthorised", ["Unauthorised Absences", "Unauthorised Absence", "Unauthorised Sessions", "Unauth Absence"], true, "sessions of unauthorised absence"),
    ], ParseAttendance);

    public static readonly SchoolFileLayout Behaviour = new("behaviour", "Behaviour incidents",
    [
        new("UPN", ["Unique Pupil Number"], true, "the pupil's UPN"),
        new("Date", ["Incident Date", "Event Date", "Date of Incident"], true, "the day (dd/mm/yyyy or yyyy-mm-dd)"),
        new("Category", ["Incident Type", "Behaviour Type", "Type", "Incident"], true, "the kind of incident, e.g. Disruption"),
        new("Points", ["Behaviour Points", "Score"], false, "points, a whole number"),
        new("Reference", ["Incident ID", "Incident Reference", "ID"], false, "the MIS's incident reference; without it the date, pupil and category identify the incident"),
    ], ParseBehaviour);

    public static readonly IReadOnlyList<SchoolFileLayout> All = [Pupils, Assessments, Attendance, Behaviour];

    public static SchoolFileLayout? Find(string kind) => All.FirstOrDefault(l => l.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The columns for `--help` and the upload page.</summary>
    public string Describe() => string.Join("\n", Columns.Select(c =>
        $"  {c.Name,-14} {(c.Required ? "required" : "optional")}: {c.Holds}{(c.Aliases.Length > 0 ? $" (also read from: {string.Join(", ", c.Aliases)})" : "")}"));

    private static SchoolRow? ParsePupil(RowCells row)
    {
        var upn = row.Upn();
        var year = row.Required("YearGroup", YearGroupOf, "is not a year group: use R or 0 for Reception, 1 to 13");
        var sex = row.Optional("Sex", v => v.ToUpperInvariant() switch
        {
            "F" or "FEMALE" or "GIRL" => "F",
            "M" or "MALE" or "BOY" => "M",
            _ => null,
        }, "is not F or M");
        var disadvantaged = row.Optional("Disadvantaged", Flag, "is not Y or N");
        var fsm = row.Optional("FSM", Flag, "is not Y or N");
        var sen = row.Optional("SEN", v => v.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal) switch
        {
            "N" or "NONE" or "NO" => "none",
            "K" or "SENSUPPORT" or "SUPPORT" => "sen-support",
            "E" or "S" or "EHCP" or "EHCPLAN" or "STATEMENT" => "ehc-plan",
            _ => null,
        }, "is not N, K or E (none, SEN support, EHC plan)");
        var eal = row.Optional("EAL", Flag, "is not Y or N");
        var left = row.Optional("LeavingDate", DateOf, "is not a date (dd/mm/yyyy or yyyy-mm-dd)");
        return row.Ok && upn is not null && year is int y
            ? new PupilRow(row.Line, upn, y, sex, disadvantaged?.Value, fsm?.Value, sen, eal?.Value, left?.Value)
            : null;
    }

    private static SchoolRow? ParseAssessment(RowCells row)
    {
        var upn = row.Upn();
        var subject = row.Required("Subject", v => v.Length <= 60 ? v : null, "is longer than 60 characters");
        var period = row.Required("Period", Period.Parse, $"is not {Period.Expected}");
        var type = row.Optional("ResultType", v => v.ToLowerInvariant().Replace(' ', '-') switch
        {
            "scaled-score" or "scaledscore" or "ss" => "scaled-score",
            "grade" => "grade",
            "standard" => "standard",
            _ => null,
        }, "is not scaled-score, grade or standard");
        var result = row.Required("Result", v => v, "");
        if (result is null)
        {
            return null;
        }
        var number = double.TryParse(result, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
        type ??= number switch { >= 80 and <= 120 => "scaled-score", >= 1 and <= 9 => "grade", null => "standard", _ => null };
        (double? Score, bool? Expected)? reading = type switch
        {
            "scaled-score" when number is >= 80 and <= 120 => (number, number >= 100),
            "grade" when number is >= 1 and <= 9 => (number, number >= 4),
            "standard" when Standard(result) is var s and not null => (null, s.Value),
            _ => null,
        };
        if (reading is null)
        {
            row.Problem("Result", result, type switch
            {
                "scaled-score" => "a scaled score is a number from 80 to 120",
                "grade" => "a grade is a number from 1 to 9",
                "standard" => "is not a standard: WTS, EXS, GDS, PKS, HNM or BLW",
                _ => "is not a scaled score (80 to 120), a grade (1 to 9) or a standard (WTS, EXS, GDS)",
            });
        }
        return row.Ok && upn is not null && subject is not null && period is not null && reading is { } r
            ? new AssessmentRow(row.Line, upn, subject, period, type!, result.ToUpperInvariant(), r.Score, r.Expected)
            : null;
    }

    private static SchoolRow? ParseAttendance(RowCells row)
    {
        var upn = row.Upn();
        var period = row.Required("Period", Period.Parse, $"is not {Period.Expected}");
        int? Sessions(string column) => row.Required(column, v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= 1000 ? s : null,
            "is not a whole number of sessions (0 or more)");
        var possible = Sessions("Possible");
        var present = Sessions("Present");
        var authorised = Sessions("Authorised");
        var unauthorised = Sessions("Unauthorised");
        if (possible is int p && present is int pr && authorised is int a && unauthorised is int u && pr + a + u > p)
        {
            row.Problem("Possible", p.ToString(CultureInfo.InvariantCulture),
                $"is fewer than the sessions present and absent together ({pr} + {a} + {u} = {pr + a + u})");
        }
        return row.Ok && upn is not null && period is not null
            ? new AttendanceRow(row.Line, upn, period, possible!.Value, present!.Value, authorised!.Value, unauthorised!.Value)
            : null;
    }

    private static SchoolRow? ParseBehaviour(RowCells row)
    {
        var upn = row.Upn();
        var date = row.Required("Date", DateOf, "is not a date (dd/mm/yyyy or yyyy-mm-dd)");
        var category = row.Required("Category", v => v.Length <= 60 ? v : null, "is longer than 60 characters");
        var points = row.Optional("Points", v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : (int?)null, "is not a whole number");
        var reference = row.Optional("Reference", v => v.Length <= 60 ? v : null, "is longer than 60 characters");
        return row.Ok && upn is not null && date is DateOnly d && category is not null
            ? new BehaviourRow(row.Line, upn, reference ?? $"{d:yyyy-MM-dd}/{category}/{upn.ToUpperInvariant()}", d, category, points)
            : null;
    }

    private static StrongBox<bool>? Flag(string value) => value.ToUpperInvariant() switch
    {
        "Y" or "YES" or "TRUE" or "1" or "T" => new(true),
        "N" or "NO" or "FALSE" or "0" or "F" => new(false),
        _ => null,
    };

    private static bool? Standard(string value) => value.ToUpperInvariant() switch
    {
        "EXS" or "GDS" or "EXPECTED" or "GREATER DEPTH" or "AS+" => true,
        "WTS" or "PKS" or "HNM" or "BLW" or "WORKING TOWARDS" or "PRE-KEY STAGE" => false,
        _ => null,
    };

    private static int? YearGroupOf(string value)
    {
        var v = value.ToUpperInvariant().Replace("YEAR", "", StringComparison.Ordinal).Replace("Y", "", StringComparison.Ordinal).Trim();
        if (v is "R" or "RECEPTION")
        {
            return 0;
        }
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 0 and <= 13 ? y : null;
    }

    private static StrongBox<DateOnly>? DateOf(string value) =>
        DateOnly.TryParseExact(value, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new(day)
            : null;
}

/// <summary>A mutable box so that a parsed value type can be told apart from "could not parse" (null).</summary>
public sealed class StrongBox<T>(T value) where T : struct
{
    public T Value { get; } = value;
}

/// <summary>
/// One line of a school file by our column names (<paramref name="columns"/>: our name to its position, shared by
/// every line), collecting the problems found while reading it.
/// </summary>
public sealed class RowCells(int line, string[] record, IReadOnlyDictionary<string, int> columns)
{
    private List<RowProblem>? _problems;

    public int Line => line;
    public bool Ok => _problems is null;
    public IReadOnlyList<RowProblem> Problems => (IReadOnlyList<RowProblem>?)_problems ?? [];

    public void Problem(string column, string value, string reason) => (_problems ??= []).Add(new RowProblem(line, column, value, reason));

    public string? Upn()
    {
        var value = Cell("UPN");
        if (value is null)
        {
            return null;
        }
        if (value.Length == 0)
        {
            Problem("UPN", "", "is empty");
            return null;
        }
        if (!PupilKey.IsWellFormedUpn(value))
        {
            Problem("UPN", value, "is not a UPN (a letter, 11 digits and a final digit or letter)");
            return null;
        }
        return value.ToUpperInvariant();
    }

    public T? Required<T>(string column, Func<string, T?> parse, string reason) where T : class => Read(column, parse, reason, required: true);

    public int? Required(string column, Func<string, int?> parse, string reason) => Read(column, parse, reason, required: true);

    public DateOnly? Required(string column, Func<string, StrongBox<DateOnly>?> parse, string reason) =>
        Read(column, parse, reason, required: true)?.Value;

    public T? Optional<T>(string column, Func<string, T?> parse, string reason) where T : class => Read(column, parse, reason, required: false);

    public int? Optional(string column, Func<string, int?> parse, string reason) => Read(column, parse, reason, required: false);

    /// <summary>A cell parsed, or default with the problem noted: empty (when required) or not what the column holds.</summary>
    private T? Read<T>(string column, Func<string, T?> parse, string reason, bool required)
    {
        var value = Cell(column);
        if (value is null)
        {
            return default;
        }
        if (value.Length == 0)
        {
            if (required)
            {
                Problem(column, "", "is empty");
            }
            return default;
        }
        var parsed = parse(value);
        if (parsed is null)
        {
            Problem(column, value, reason);
        }
        return parsed;
    }

    /// <summary>
    /// A cell's text, trimmed; null, with the problem noted, when it holds a control character (a NUL, say), which no
    /// column holds and some databases cannot store: the line is refused, never the import.
    /// </summary>
    private string? Cell(string column)
    {
        var value = columns.TryGetValue(column, out var at) && at < record.Length ? record[at].Trim() : "";
        if (value.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 && value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') < 0)
        {
            return value;
        }
        Problem(column, "", "contains a control character (such as a NUL): remove it and import the line again");
        return null;
    }
}
