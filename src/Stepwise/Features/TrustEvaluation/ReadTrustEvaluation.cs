using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>One of the trust's judgements of itself, with the grade's name and place on the scale.</summary>
public sealed record TrustJudgementView(int Id, string AreaKey, string AreaName, int FrameworkVersion, string Grade, string GradeName, int Rank, int ScaleSize,
    string? Strengths, string? AreasForDevelopment, DateOnly JudgedOn, string By, DateTime RecordedAt);

/// <summary>An area (a pillar) of a trust-level framework: what it asks, the grades of its scale, its latest judgement and every one before.</summary>
public sealed record TrustAreaView(int AreaId, string Key, string Name, string? Description, string? Group, List<string> Grades,
    TrustJudgementView? Latest, List<TrustJudgementView> History);

/// <summary>The trust's self-evaluation against the latest version of one trust-level framework.</summary>
public sealed record TrustEvaluationView(string FrameworkKey, string FrameworkName, int FrameworkVersion, List<TrustAreaView> Areas);

/// <param name="Frameworks">The trust's trust-level frameworks (the ones it may judge itself against).</param>
/// <param name="Evaluation">The chosen framework's evaluation; null when the trust has no trust-level framework yet.</param>
/// <param name="CanAddFromLibrary">Whether the caller may add the trust quality framework from the library (and it is not yet added).</param>
public sealed record TrustEvaluationPage(List<FrameworkSummary> Frameworks, TrustEvaluationView? Evaluation, bool CanAddFromLibrary);

/// <summary>
/// The trust's judgements of itself (the trust quality pillars): for each area of a trust-level framework's latest
/// version, the latest judgement and the history, followed back through earlier versions' mapping as school
/// self-evaluation is. Only trust-level frameworks are read here; only those who may evaluate the trust read it.
/// </summary>
public sealed class ReadTrustEvaluation(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue)
{
    /// <summary>The trust's self-evaluation against the framework with this key (default the trust quality pillars, else the first); null when not allowed or not found.</summary>
    public async Task<TrustEvaluationPage?> HandleAsync(string? frameworkKey, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.EvaluateTrust, ct))
        {
            return null;
        }
        var frameworks = await catalogue.ListAsync(FrameworkLevel.Trust, ct);
        var canAdd = frameworks.All(f => f.Key != FrameworkLibrary.TrustQuality) && await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct);
        var chosen = frameworks.FirstOrDefault(f => f.Key == frameworkKey)
            ?? frameworks.FirstOrDefault(f => f.Key == FrameworkLibrary.TrustQuality)
            ?? frameworks.FirstOrDefault();
        if (frameworkKey is not null && chosen?.Key != frameworkKey)
        {
            return null;
        }
        return new TrustEvaluationPage(frameworks, chosen is null ? null : await ForAsync(chosen.Id, ct), canAdd);
    }

    /// <summary>One area with its history; an area of an earlier version answers with the area that continues it (MovedTo).</summary>
    public sealed record AreaRead(TrustEvaluationView Evaluation, TrustAreaView Area, int? MovedTo);

    public async Task<AreaRead?> AreaAsync(int areaId, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.EvaluateTrust, ct))
        {
            return null;
        }
        var version = await catalogue.LoadForAreaAsync(areaId, ct);
        if (version is null || version.Framework.Level != FrameworkLevel.Trust)
        {
            return null;
        }
        var view = await ForAsync(version.Framework.Id, ct);
        if (view.Areas.FirstOrDefault(a => a.AreaId == areaId) is { } area)
        {
            return new AreaRead(view, area, null);
        }
        var key = version.Areas.First(a => a.Id == areaId).Key;
        return view.Areas.FirstOrDefault(a => a.Key == key) is { } today ? new AreaRead(view, today, today.AreaId) : null;
    }

    private async Task<TrustEvaluationView> ForAsync(int frameworkId, CancellationToken ct)
    {
        var versions = new List<LoadedVersion>();
        for (var n = 1; await catalogue.LoadAsync(frameworkId, n, ct) is { } v; n++)
        {
            versions.Add(v);
        }
        var current = versions[^1];
        var byArea = versions.SelectMany(v => v.Areas.Select(a => (a, v))).ToDictionary(x => x.a.Id);
        var areaIds = byArea.Keys.ToList();
        var judgements = await db.TrustJudgements.AsNoTracking().Where(j => areaIds.Contains(j.FrameworkAreaId)).ToListAsync(ct);
        var areas = new List<TrustAreaView>();
        foreach (var area in current.Areas)
        {
            var lineage = ReadSelfEvaluation.Lineage(area, versions);
            var history = judgements.Where(j => lineage.Contains(j.FrameworkAreaId))
                .Select(j => View(j, byArea[j.FrameworkAreaId].a, byArea[j.FrameworkAreaId].v))
                .OrderByDescending(j => j.JudgedOn).ThenByDescending(j => j.RecordedAt).ThenByDescending(j => j.Id).ToList();
            areas.Add(new TrustAreaView(area.Id, area.Key, area.Name, area.Description, area.Group,
                current.Scale(area.Scale).Select(g => g.Name).ToList(), history.FirstOrDefault(), history));
        }
        return new TrustEvaluationView(current.Framework.Key, current.Framework.Name, current.Version.Number, areas);
    }

    internal static TrustJudgementView View(TrustJudgement j, FrameworkArea area, LoadedVersion version)
    {
        var grade = version.Grade(area.Scale, j.Grade);
        return new TrustJudgementView(j.Id, area.Key, area.Name, version.Version.Number, j.Grade, grade?.Name ?? j.Grade, grade?.Rank ?? 0,
            version.Scale(area.Scale).Count(), j.Strengths, j.AreasForDevelopment, j.JudgedOn, j.By, j.RecordedAt);
    }
}
