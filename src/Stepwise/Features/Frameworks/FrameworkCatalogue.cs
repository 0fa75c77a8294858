using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Frameworks;

public sealed record FrameworkSummary(int Id, string Key, string Name, string? Description, string Origin, int LatestVersion, List<VersionSummary> Versions)
{
    /// <summary>Whether schools are judged against it or the trust judges itself.</summary>
    public FrameworkLevel Level { get; init; }
}

public sealed record VersionSummary(int Number, string? Notes, DateTime CreatedAt, string? CreatedBy, int Areas, bool Used);

/// <summary>A framework version with everything a page needs to show it or grade against it.</summary>
public sealed record LoadedVersion(Framework Framework, FrameworkVersion Version, bool Used, bool IsLatest)
{
    public IEnumerable<FrameworkArea> Areas => Version.Areas.OrderBy(a => a.Order);

    public IEnumerable<FrameworkGrade> Scale(string scale) => Version.Grades.Where(g => g.Scale == scale).OrderBy(g => g.Rank);

    public FrameworkGrade? Grade(string scale, string? key) => Version.Grades.FirstOrDefault(g => g.Scale == scale && g.Key == key);

    public IEnumerable<(string Key, string Name)> Scales => Version.Grades.OrderBy(g => g.Id).GroupBy(g => g.Scale).Select(g => (g.Key, g.First().ScaleName));
}

/// <summary>Reads the trust's frameworks (the trust filter applies): lists, one version, whether a version is in use.</summary>
public sealed class FrameworkCatalogue(AppDbContext db)
{
    public async Task<List<FrameworkSummary>> ListAsync(CancellationToken ct)
    {
        var frameworks = await db.Frameworks.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        var versions = await db.FrameworkVersions.AsNoTracking()
            .Select(v => new { v.Id, v.FrameworkId, v.Number, v.Notes, v.CreatedAt, v.CreatedBy, Areas = v.Areas.Count })
            .ToListAsync(ct);
        var used = await UsedVersionIdsAsync(ct);
        return frameworks.Select(f =>
        {
            var mine = versions.Where(v => v.FrameworkId == f.Id).OrderBy(v => v.Number)
                .Select(v => new VersionSummary(v.Number, v.Notes, v.CreatedAt, v.CreatedBy, v.Areas, used.Contains(v.Id))).ToList();
            return new FrameworkSummary(f.Id, f.Key, f.Name, f.Description, f.Origin, mine.Count == 0 ? 0 : mine[^1].Number, mine) { Level = f.Level };
        }).ToList();
    }

    /// <summary>The frameworks of one level: school self-evaluation, plans and reviews offer only school-level ones, the trust's self-evaluation only trust-level ones.</summary>
    public async Task<List<FrameworkSummary>> ListAsync(FrameworkLevel level, CancellationToken ct) =>
        (await ListAsync(ct)).Where(f => f.Level == level).ToList();

    /// <summary>A version of a framework (the latest when <paramref name="number"/> is null); null if there is none.</summary>
    /// <summary>Whether the trust already has a framework with this key.</summary>
    public Task<bool> ExistsAsync(string key, CancellationToken ct) => db.Frameworks.AnyAsync(f => f.Key == key, ct);

    public async Task<LoadedVersion?> LoadAsync(int frameworkId, int? number, CancellationToken ct)
    {
        var framework = await db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Id == frameworkId, ct);
        if (framework is null)
        {
            return null;
        }
        var latest = await db.FrameworkVersions.Where(v => v.FrameworkId == frameworkId).MaxAsync(v => (int?)v.Number, ct);
        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Areas).Include(v => v.Grades)
            .FirstOrDefaultAsync(v => v.FrameworkId == frameworkId && v.Number == (number ?? latest), ct);
        return version is null ? null : new LoadedVersion(framework, version, await IsUsedAsync(version.Id, ct), version.Number == latest);
    }

    public async Task<LoadedVersion?> LoadByKeyAsync(string key, CancellationToken ct)
    {
        var id = await db.Frameworks.Where(f => f.Key == key).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        return id is int frameworkId ? await LoadAsync(frameworkId, null, ct) : null;
    }

    /// <summary>The latest version of the framework with this key, if it is of the given level; null otherwise.</summary>
    public async Task<LoadedVersion?> LoadByKeyAsync(string key, FrameworkLevel level, CancellationToken ct)
    {
        var id = await db.Frameworks.Where(f => f.Key == key && f.Level == level).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        return id is int frameworkId ? await LoadAsync(frameworkId, null, ct) : null;
    }

    /// <summary>The version an area belongs to.</summary>
    public async Task<LoadedVersion?> LoadForAreaAsync(int areaId, CancellationToken ct)
    {
        var at = await db.FrameworkAreas.Where(a => a.Id == areaId)
            .Join(db.FrameworkVersions, a => a.FrameworkVersionId, v => v.Id, (a, v) => new { v.FrameworkId, v.Number })
            .FirstOrDefaultAsync(ct);
        return at is null ? null : await LoadAsync(at.FrameworkId, at.Number, ct);
    }

    /// <summary>A version is in use once a judgement (a school's or the trust's), a plan's priority or a peer review's focus area refers to one of its areas; from then on it never changes.</summary>
    public Task<bool> IsUsedAsync(int versionId, CancellationToken ct) =>
        db.FrameworkAreas.Where(a => a.FrameworkVersionId == versionId)
            .AnyAsync(a => db.Judgements.Any(j => j.FrameworkAreaId == a.Id) || db.Priorities.Any(p => p.FrameworkAreaId == a.Id) || db.PeerReviewAreas.Any(r => r.FrameworkAreaId == a.Id)
                || db.TrustJudgements.Any(j => j.FrameworkAreaId == a.Id), ct);

    private async Task<HashSet<int>> UsedVersionIdsAsync(CancellationToken ct) =>
        (await db.FrameworkAreas
            .Where(a => db.Judgements.Any(j => j.FrameworkAreaId == a.Id) || db.Priorities.Any(p => p.FrameworkAreaId == a.Id) || db.PeerReviewAreas.Any(r => r.FrameworkAreaId == a.Id)
                || db.TrustJudgements.Any(j => j.FrameworkAreaId == a.Id))
            .Select(a => a.FrameworkVersionId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>The version as its JSON definition (what export writes and import reads).</summary>
    public static FrameworkDefinition Export(LoadedVersion loaded) => new()
    {
        Key = loaded.Framework.Key,
        Name = loaded.Framework.Name,
        Description = loaded.Framework.Description,
        Level = Codes.Of(loaded.Framework.Level),
        Version = loaded.Version.Number,
        Notes = loaded.Version.Notes,
        Scales = loaded.Scales.Select(s => new ScaleDefinition
        {
            Key = s.Key,
            Name = s.Name,
            Grades = loaded.Scale(s.Key).Select(g => new GradeDefinition { Key = g.Key, Name = g.Name }).ToList(),
        }).ToList(),
        Areas = loaded.Areas.Select(a => new AreaDefinition
        {
            Key = a.Key,
            Name = a.Name,
            Description = a.Description,
            Group = a.Group,
            Scale = a.Scale,
            AppliesWhere = a.AppliesWhere,
            MapsFrom = a.MapsFromKeys.Count == 0 ? null : a.MapsFromKeys.ToList(),
        }).ToList(),
    };
}
