using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.Frameworks;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// A school's (or unit's) self-evaluation against the latest version of a framework: for each area the latest
/// judgement from the school, the trust and external review, the latest completed peer review's estimate, and every earlier judgement — including those made
/// against earlier versions, followed through each version's mapping.
/// </summary>
public sealed class ReadSelfEvaluation(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue, ReadEvidence readEvidence, ReadPeerReviews peerReviews)
{
    public sealed record Context(School School, Unit Unit, List<Unit> Units, List<FrameworkSummary> Frameworks);

    /// <param name="CanRecord">The sources (self, trust, external) the acting person may record a judgement from.</param>
    /// <param name="MovedTo">Set when the area asked for belongs to an earlier version: the id of the area that continues it.</param>
    public sealed record AreaRead(Context Context, SelfEvaluationView Evaluation, AreaJudgements Area, List<string> CanRecord, int? MovedTo);

    /// <summary>The school, the unit (the whole school when none is given) and the trust's frameworks; null if not visible.</summary>
    public async Task<Context?> ContextAsync(int urn, int? unitId, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.SchoolId == school.Id && u.ArchivedAt == null)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        var unit = unitId is int id ? units.FirstOrDefault(u => u.Id == id) : units.FirstOrDefault(u => u.Kind == UnitKind.WholeSchool);
        if (unit is null)
        {
            return null;
        }
        return new Context(school, unit, units, await catalogue.ListAsync(FrameworkLevel.School, ct));
    }

    public async Task<SelfEvaluationView?> HandleAsync(int urn, int? unitId, string? frameworkKey, CancellationToken ct)
    {
        var context = await ContextAsync(urn, unitId, ct);
        if (context is null)
        {
            return null;
        }
        var chosen = context.Frameworks.FirstOrDefault(f => f.Key == frameworkKey)
            ?? context.Frameworks.FirstOrDefault(f => f.Key == FrameworkLibrary.Ofsted)
            ?? context.Frameworks.FirstOrDefault();
        if (chosen is null || (frameworkKey is not null && chosen.Key != frameworkKey))
        {
            return null;
        }
        return await ForAsync(context, chosen.Id, ct);
    }

    /// <summary>
    /// One area of a framework for a school or unit: every judgement of it and the sources the acting person may
    /// record. An area of an earlier version answers with the area that continues it today (<see cref="AreaRead.MovedTo"/>).
    /// Null when the school, unit or area is not found or not visible.
    /// </summary>
    public async Task<AreaRead?> AreaAsync(int urn, int areaId, int? unitId, CancellationToken ct)
    {
        var context = await ContextAsync(urn, unitId, ct);
        var version = context is null ? null : await catalogue.LoadForAreaAsync(areaId, ct);
        if (context is null || version is null)
        {
            return null;
        }
        var view = await ForAsync(context, version.Framework.Id, ct);
        var area = view.Areas.FirstOrDefault(a => a.AreaId == areaId);
        if (area is null)
        {
            // An area of an earlier version: the area with the same key today, if there is one.
            var key = version.Areas.First(a => a.Id == areaId).Key;
            return view.Areas.FirstOrDefault(a => a.Key == key) is { } today ? new AreaRead(context, view, today, [], today.AreaId) : null;
        }
        var sources = new List<string>();
        if (await access.CanForUnitAsync(Permission.EditSelfEvaluation, context.School.Id, context.Unit.Id, ct))
        {
            sources.Add(Codes.Of(JudgementSource.Self));
        }
        if (await access.CanAcrossTrustAsync(Permission.ModerateSchools, ct))
        {
            sources.Add(Codes.Of(JudgementSource.Trust));
            sources.Add(Codes.Of(JudgementSource.External));
        }
        return new AreaRead(context, view, area, sources, null);
    }

    public async Task<SelfEvaluationView> ForAsync(Context context, int frameworkId, CancellationToken ct)
    {
        var versions = new List<LoadedVersion>();
        for (var n = 1; await catalogue.LoadAsync(frameworkId, n, ct) is { } v; n++)
        {
            versions.Add(v);
        }
        var current = versions[^1];
        var areaIds = versions.SelectMany(v => v.Areas.Select(a => a.Id)).ToList();
        var judgements = await db.Judgements.AsNoTracking()
            .Where(j => j.SchoolId == context.School.Id && j.UnitId == context.Unit.Id && areaIds.Contains(j.FrameworkAreaId))
            .ToListAsync(ct);
        var evidence = await readEvidence.ForAsync(EvidenceOwner.Judgement, judgements.Select(j => j.Id).ToList(), ct);
        var byArea = versions.SelectMany(v => v.Areas.Select(a => (a, v))).ToDictionary(x => x.a.Id);
        var unitNames = context.Units.ToDictionary(u => u.Id, u => u.Name);
        // Peer reviews look at the whole school, so their estimates stand beside the whole school's judgements only.
        var peers = context.Unit.Kind == UnitKind.WholeSchool ? await peerReviews.LatestEstimatesAsync(context.School.Id, areaIds, ct) : [];

        var areas = new List<AreaJudgements>();
        foreach (var area in current.Areas)
        {
            var lineage = Lineage(area, versions);
            var history = judgements.Where(j => lineage.Contains(j.FrameworkAreaId))
                .Select(j => View(j, byArea[j.FrameworkAreaId].a, byArea[j.FrameworkAreaId].v, unitNames, evidence.GetValueOrDefault(j.Id, [])))
                .OrderByDescending(j => j.JudgedOn).ThenByDescending(j => j.Id).ToList();
            var self = history.FirstOrDefault(j => j.Source == "self");
            var trust = history.FirstOrDefault(j => j.Source == "trust");
            var external = history.FirstOrDefault(j => j.Source == "external");
            var agreement = self is null || trust is null ? "not-moderated" : self.Grade == trust.Grade ? "agree" : "disagree";
            areas.Add(new AreaJudgements(area.Id, area.Key, area.Name, area.Group, area.Description, area.AppliesWhere, area.Scale,
                current.Scale(area.Scale).Select(g => g.Name).ToList(), self, trust, external, agreement, history)
            {
                Peer = peers.Where(p => lineage.Contains(p.Key)).Select(p => p.Value)
                    .OrderByDescending(p => p.ReviewedOn).ThenByDescending(p => p.ReviewId).FirstOrDefault(),
            });
        }
        return new SelfEvaluationView(context.School.Urn, context.School.Name, context.Unit.Id, context.Unit.Name,
            context.Unit.Kind == UnitKind.WholeSchool, current.Framework.Id, current.Framework.Key, current.Framework.Name, current.Version.Number, areas);
    }

    /// <summary>The area's own id and those of the earlier versions' areas it continues, back to version 1.</summary>
    internal static HashSet<int> Lineage(FrameworkArea area, List<LoadedVersion> versions)
    {
        var ids = new HashSet<int> { area.Id };
        var frontier = new List<FrameworkArea> { area };
        var index = versions.FindIndex(v => v.Version.Id == area.FrameworkVersionId);
        for (var i = index - 1; i >= 0 && frontier.Count > 0; i--)
        {
            var keys = frontier.SelectMany(a => a.MapsFromKeys).ToHashSet();
            frontier = versions[i].Areas.Where(a => keys.Contains(a.Key)).ToList();
            ids.UnionWith(frontier.Select(a => a.Id));
        }
        return ids;
    }

    private static JudgementView View(Judgement j, FrameworkArea area, LoadedVersion version, Dictionary<int, string> units, List<EvidenceView> evidence)
    {
        var grade = version.Grade(area.Scale, j.Grade);
        return new JudgementView(j.Id, area.Key, area.Name, version.Version.Number, j.Grade, grade?.Name ?? j.Grade, grade?.Rank ?? 0,
            version.Scale(area.Scale).Count(), Codes.Of(j.Source), j.Strengths, j.AreasForDevelopment, j.JudgedOn, j.By,
            units.GetValueOrDefault(j.UnitId, ""),
            evidence);
    }
}
