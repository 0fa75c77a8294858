using Microsoft.EntityFrameworkCore;

namespace Stepwise.Features.Imports;

/// <summary>
/// What an import of any kind reports: the lines read, accepted and rejected, every problem by line and column,
/// whether the file was imported (or had been already), what it added and changed, and the columns it ignored.
/// </summary>
public sealed record ImportReport(int Read, int Accepted, int Rejected, IReadOnlyList<RowProblem> Errors, bool Imported, bool AlreadyImported,
    int ValuesAdded, int ValuesChanged)
{
    /// <summary>Columns of the file the importer does not read.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>Lines taken with a remark (a national file's line that ends before its measures, read as blank).</summary>
    public IReadOnlyList<RowProblem> Notes { get; init; } = [];

    /// <summary>
    /// Every kind of problem with its exact count, when <see cref="Errors"/> holds only the first of each kind
    /// (<see cref="RowProblems"/>); worked out from <see cref="Errors"/> when they are all there.
    /// </summary>
    public IReadOnlyList<ProblemCount>? ErrorCounts { get; init; }

    /// <summary>The problems found, kept and not.</summary>
    public int ErrorTotal => ErrorCounts?.Sum(c => c.Count) ?? Errors.Count;

    /// <summary>The report of a file whose problems were collected with a bound: the first of each kind, and the counts.</summary>
    public static ImportReport Of(int read, int accepted, RowProblems problems, bool imported, bool alreadyImported, int added, int changed) =>
        new(read, accepted, problems.RejectedLines, problems.Kept, imported, alreadyImported, added, changed) { ErrorCounts = problems.Kinds };

    /// <summary>The refuse-the-whole-file rule (<see cref="RefusesWhole(IReadOnlyCollection{RowProblem}, int, bool)"/>) for problems collected with a bound.</summary>
    public static bool RefusesWhole(RowProblems problems, int accepted, bool acceptValid) =>
        problems.OnFile || (problems.Count > 0 && !acceptValid) || accepted == 0;

    /// <summary>The report of a file refused whole, its problems collected with a bound.</summary>
    public static ImportReport Refusal(int read, RowProblems problems) =>
        problems.Count == 0 ? Refusal(read, []) : Of(read, 0, problems, imported: false, alreadyImported: false, 0, 0) with { Rejected = read };

    /// <summary>
    /// The refuse-the-whole-file rule, for every import: a problem with the file itself (line 1), any problem at all
    /// unless the valid lines were accepted (<c>--accept-valid</c>), or no good line, and nothing is written.
    /// </summary>
    public static bool RefusesWhole(IReadOnlyCollection<RowProblem> problems, int accepted, bool acceptValid) =>
        problems.Any(p => p.Line == RowProblem.FileLine) || (problems.Count > 0 && !acceptValid) || accepted == 0;

    /// <summary>The report of a file refused whole: every line read is rejected; an empty file says so.</summary>
    public static ImportReport Refusal(int read, IReadOnlyList<RowProblem> problems, string firstColumn = "")
    {
        if (problems.Count == 0)
        {
            problems = [new RowProblem(2, firstColumn, "", "the file has a header but no rows")];
        }
        return new ImportReport(read, 0, read, problems, Imported: false, AlreadyImported: false, 0, 0);
    }

    /// <summary>The report of a file that was imported before: checked, and nothing written.</summary>
    public ImportReport AsAlreadyImported() => this with { Imported = false, AlreadyImported = true, ValuesAdded = 0, ValuesChanged = 0 };
}

/// <summary>How far an import has got: its stage ("Checking", "Saving", "Calculating") and how far through it (0 to 1).</summary>
public sealed record ImportProgress(string Stage, double Fraction);

/// <summary>The record an import keeps of each file it imported (national files and a school's own alike).</summary>
public interface IImportedFile
{
    string Kind { get; }
    string Hash { get; }
    int Id { get; }
}

public static class SameFile
{
    /// <summary>
    /// The already-imported rule, for every import: a file whose SHA-256 matches an import of the same kind (for the
    /// same school, or year) is not imported again. <paramref name="imports"/> is narrowed to that school or year by
    /// the caller. When a file replaces what was imported (<c>--replace</c>), only the newest import counts, so a file
    /// can be put back after another replaced it.
    /// </summary>
    public static Task<bool> AlreadyImportedAsync<T>(IQueryable<T> imports, string kind, string hash, bool newestOnly, CancellationToken ct)
        where T : class, IImportedFile
    {
        var ofKind = imports.Where(i => i.Kind == kind);
        return newestOnly
            ? ofKind.OrderByDescending(i => i.Id).Take(1).AnyAsync(i => i.Hash == hash, ct)
            : ofKind.AnyAsync(i => i.Hash == hash, ct);
    }
}
