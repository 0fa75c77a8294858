using Stepwise.Data;

namespace Stepwise.Features.SchoolData;

/// <summary>One assessment result from a school's MIS: a pupil, a subject, a period and what they reached.</summary>
public sealed class Assessment : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PupilId { get; set; }
    public required string Subject { get; set; }

    /// <summary>The period's code, e.g. "2024/25 Summer" (see <see cref="Period"/>).</summary>
    public required string Period { get; set; }

    public DateOnly PeriodStart { get; set; }

    /// <summary>scaled-score, grade or standard.</summary>
    public required string ResultType { get; set; }

    /// <summary>The result as written in the file ("104", "6", "EXS").</summary>
    public required string Result { get; set; }

    /// <summary>A number for scaled scores and grades; none for a standard.</summary>
    public double? Score { get; set; }

    /// <summary>Whether the pupil reached the expected standard, where the result says so.</summary>
    public bool? Expected { get; set; }

    public int DataImportId { get; set; }
}

/// <summary>
/// A pupil's attendance for one academic year at their school: each period's sessions (possible, present, authorised
/// and unauthorised absent) as the register recorded them, held together as the year's marks (ADR 0070). A school's
/// attendance is read and written whole, so it is stored as a few thousand pupil years rather than a million rows.
/// </summary>
public sealed class PupilAttendanceYear : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PupilId { get; set; }

    /// <summary>The academic year by its first calendar year: 2024 for 2024/25.</summary>
    public int AcademicYear { get; set; }

    /// <summary>Each period's sessions in period order, as <see cref="AttendanceMarks"/> writes them.</summary>
    public required string Marks { get; set; }

    /// <summary>How many periods <see cref="Marks"/> holds.</summary>
    public int Periods { get; set; }

    /// <summary>The import that last changed any of the year's marks (each mark names its own import too).</summary>
    public int DataImportId { get; set; }

    /// <summary>The academic year a period falls in, by its first calendar year (as <see cref="Period.AcademicYearCode"/>).</summary>
    public static int YearOf(Period period) => Common.AcademicYear.Of(period.Start).FirstYear;
}

/// <summary>A behaviour incident: who, when, what kind.</summary>
public sealed class BehaviourIncident : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PupilId { get; set; }

    /// <summary>The MIS's own incident reference where it has one; otherwise date and category identify it.</summary>
    public required string Reference { get; set; }

    public DateOnly Date { get; set; }
    public required string Category { get; set; }
    public int? Points { get; set; }
    public int DataImportId { get; set; }
}

/// <summary>Where a school's own figures came from: the file (and its SHA-256), who imported it, when, and what happened.</summary>
public sealed class DataImport : ITrustOwned, Imports.IImportedFile
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Hash { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }
    public int Read { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
}

/// <summary>
/// One value of a metric series for a school, for all its pupils or a group of them, in one period. Values derived
/// from pupil data are recomputed from the pupil records after each import; <see cref="DataImportId"/> names the
/// import that last changed them.
/// </summary>
public sealed class MetricValue : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public required string MetricKey { get; set; }

    /// <summary>The pupil group: "all", or a code from <see cref="PupilGroups"/> such as "disadvantaged" or "year-6".</summary>
    public required string Group { get; set; }

    public required string Period { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public double? Value { get; set; }

    /// <summary>Why there is no value: "fewer-than-5" pupils in the group, or "no-data".</summary>
    public string? Missing { get; set; }

    /// <summary>How many pupils the value is about.</summary>
    public int Pupils { get; set; }

    public int? DataImportId { get; set; }
}
