using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// A national file uploaded on the national data page, queued as an import job. National data is shared by every
/// trust on the server, so a trust-wide data manager may load it only where their trust is the one that keeps it:
/// the only trust on the server (the usual install), or the trust named in <c>Reference:OperatorTrust</c> on a server
/// of several trusts. Anyone else loads it with <c>stepwise import</c> as the operator.
/// </summary>
public sealed class QueueNationalImport(AppDbContext db, AccessControl access, TrustScope scope, QueueImportJob queue, IConfiguration configuration)
{
    public sealed record Input(string? Kind, int? Year, IFormFile? File, bool AcceptValid, bool Replace);

    public async Task<bool> MayImportAsync(CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.EditPupils, ct) && await KeepsNationalDataAsync(ct);

    private async Task<bool> KeepsNationalDataAsync(CancellationToken ct)
    {
        if (scope.TrustId is not int trustId)
        {
            return false;
        }
        var operatorTrust = configuration["Reference:OperatorTrust"];
        if (!string.IsNullOrWhiteSpace(operatorTrust))
        {
            return int.TryParse(operatorTrust, out var id) ? id == trustId
                : await db.Trusts.IgnoreQueryFilters().Where(t => t.Name == operatorTrust.Trim()).OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(ct) == trustId;
        }
        return !await db.Trusts.IgnoreQueryFilters().AnyAsync(t => t.Id != trustId, ct);
    }

    public async Task<Outcome<ImportJob>> HandleAsync(Input input, CancellationToken ct)
    {
        if (!await MayImportAsync(ct) || scope.PersonId is not int personId || scope.TrustId is not int trustId)
        {
            return Outcome<ImportJob>.Forbidden();
        }
        var problems = new Problems();
        var layout = NationalMeasures.Layouts.FirstOrDefault(l => l.Kind == input.Kind);
        if (layout is null && input.Kind != ImportRegister.Kind)
        {
            problems.Add("kind", "Choose what the file holds: the register, KS2, KS4, census or absence.");
        }
        if (layout is not null && input.Year is not (>= 2000 and <= 2100))
        {
            problems.Add("year", "Give the year the file is for, as the year it ends in: 2018 for 2017/18.");
        }
        if (input.File is null || input.File.Length == 0)
        {
            problems.Add("file", input.File is null ? "Choose a CSV file to import." : "The file is empty.");
        }
        if (problems.Any)
        {
            return Outcome<ImportJob>.Invalid(problems);
        }
        var job = new ImportJob
        {
            Importer = NationalDataJobs.Name, TrustId = trustId, PersonId = personId, Actor = scope.Actor, Kind = input.Kind!,
            Year = layout is null ? null : input.Year, FileName = Path.GetFileName(input.File!.FileName), StoredPath = "",
            AcceptValid = input.AcceptValid, Replace = layout is not null && input.Replace,
        };
        return Outcome<ImportJob>.Ok(await queue.QueueAsync(job, input.File, ct));
    }

    /// <summary>A national import job of the acting person's trust, if they may import national data.</summary>
    public async Task<ImportJob?> FindAsync(int jobId, CancellationToken ct) => await MayImportAsync(ct)
        ? await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.Importer == NationalDataJobs.Name, ct)
        : null;

    public async Task<List<ImportJob>> RecentAsync(CancellationToken ct) => await MayImportAsync(ct)
        ? await db.ImportJobs.AsNoTracking().Where(j => j.Importer == NationalDataJobs.Name).OrderByDescending(j => j.Id).Take(10).ToListAsync(ct)
        : [];
}

/// <summary>Runs an uploaded national file as an import job (<see cref="ImportJobRunner"/>).</summary>
public sealed class NationalDataJobs(ImportNationalData national, ImportRegister register) : IImportJobHandler
{
    public const string Name = "national";

    public string Importer => Name;

    public async Task<ImportJobResult> RunAsync(ImportJob job, Stream file, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        if (job.Kind == ImportRegister.Kind)
        {
            return new ImportJobResult(await register.HandleAsync(file, job.FileName, job.AcceptValid, ct), null);
        }
        var layout = NationalMeasures.Layouts.Single(l => l.Kind == job.Kind);
        return new ImportJobResult(await national.HandleAsync(layout, file, job.FileName, job.Year!.Value, job.AcceptValid, ct, progress, job.Replace), null);
    }
}
