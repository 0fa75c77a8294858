using Stepwise.Data;

namespace Stepwise.Features.Imports;

/// <summary>
/// A file uploaded on a web page, imported in the background so that a large file neither times out the request nor
/// ties up the page. Every kind of import is a job of the same shape: <see cref="Importer"/> says which feature runs it
/// (a school's own data, national reference data, and next timetables). The row is the one place its state lives —
/// queued, claimed by one server, its stage and how far through it, then its report — so every server shows the same.
/// </summary>
public sealed class ImportJob : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The feature that runs the job: see <see cref="IImportJobHandler.Importer"/>.</summary>
    public required string Importer { get; set; }

    /// <summary>The school whose data it is; none for national reference data.</summary>
    public int? SchoolId { get; set; }

    /// <summary>The academic year a national file is for (the calendar year it ends in).</summary>
    public int? Year { get; set; }

    public int PersonId { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }

    /// <summary>Where the upload waits under the data folder until the import has read it; deleted afterwards.</summary>
    public required string StoredPath { get; set; }

    public bool AcceptValid { get; set; }

    /// <summary>The file replaces what was imported for its year (a corrected national file).</summary>
    public bool Replace { get; set; }

    public ImportJobStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Which server runs it (its claim), and since when.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? StartedAt { get; set; }

    /// <summary>The stage the import has reached, and how far through it (0 to 1), written at most twice a second.</summary>
    public string? Stage { get; set; }

    public double Fraction { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The report as JSON (see <see cref="ImportReportJson"/>), once finished.</summary>
    public string? Report { get; set; }

    /// <summary>Why a job failed, in words for the person who uploaded the file.</summary>
    public string? Message { get; set; }

    public bool Finished => Status is ImportJobStatus.Done or ImportJobStatus.Refused or ImportJobStatus.Failed;

    /// <summary>Overall progress: checking is the first half, saving and calculating the second.</summary>
    public int Percent => Stage switch
    {
        null => 0,
        "Checking" => (int)(Fraction * 50),
        "Saving" => 50 + (int)(Fraction * 40),
        _ => 90 + (int)(Fraction * 10),
    };

    public static string StatusText(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Queued => "Waiting to start",
        ImportJobStatus.Running => "Importing",
        ImportJobStatus.Done => "Imported",
        ImportJobStatus.Refused => "Not imported: the file has problems",
        _ => "Failed",
    };
}

public enum ImportJobStatus
{
    Queued,
    Running,
    Done,
    Refused,
    Failed,
}

/// <summary>
/// What an import reports, on the API and the job pages (stored with the job as JSON): the first problems of each kind
/// with their lines (<see cref="RowProblems"/>) and an exact count of every kind, so its size is bounded whatever the file.
/// </summary>
public sealed record ImportReportJson(int Read, int Accepted, int Rejected, bool Imported, bool AlreadyImported, int Added, int Changed,
    IEnumerable<ImportReportJson.Error> Errors, IEnumerable<string>? Ignored = null, IEnumerable<ImportReportJson.Error>? Notes = null,
    IEnumerable<ProblemCount>? ErrorCounts = null)
{
    /// <summary>Columns whose values identify a pupil: a stored report keeps their line and reason, never what they held.</summary>
    private static readonly string[] Identifiers = ["UPN"];

    /// <summary>How many notes are kept; a national file can take every line with a note.</summary>
    private const int NotesKept = 200;

    public sealed record Error(int Line, string Column, string Value, string Reason);

    /// <summary>Every problem found, kept or not.</summary>
    public int ErrorTotal => ErrorCounts?.Sum(c => c.Count) ?? Errors.Count();

    public static ImportReportJson From(ImportReport r)
    {
        // A national file's report holds every problem: it is capped here as a school file's was while it was read.
        var capped = r.ErrorCounts is null ? RowProblems.Of(r.Errors) : null;
        var (errors, counts) = capped is null ? (r.Errors, r.ErrorCounts!) : (capped.Kept, capped.Kinds);
        return new(r.Read, r.Imported || r.AlreadyImported ? r.Accepted : 0, r.Rejected, r.Imported, r.AlreadyImported, r.ValuesAdded, r.ValuesChanged,
            errors.Select(e => new Error(e.Line, e.Column, e.Value, e.Reason)).ToList(), r.Ignored,
            r.Notes.Take(NotesKept).Select(e => new Error(e.Line, e.Column, e.Value, e.Reason)).ToList(), counts);
    }

    /// <summary>The report as it is kept with its job: lines, columns and reasons, without the values of identifying columns (a UPN).</summary>
    public ImportReportJson ToStore() => this with
    {
        Errors = Errors.Select(e => Identifiers.Contains(e.Column, StringComparer.OrdinalIgnoreCase) ? e with { Value = "" } : e).ToList(),
        Notes = Notes?.Select(e => Identifiers.Contains(e.Column, StringComparer.OrdinalIgnoreCase) ? e with { Value = "" } : e).ToList(),
    };
}
