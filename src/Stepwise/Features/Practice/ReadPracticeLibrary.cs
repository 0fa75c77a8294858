using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Enquiries;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.Plans;
using Stepwise.Features.SharedLanguage;
using Stepwise.Features.Support;

namespace Stepwise.Features.Practice;

/// <summary>What to search the library for; every part optional. Area and metric are keys; school a URN; kind a source code.</summary>
public sealed record PracticeQuery(string? Words = null, string? Area = null, string? Metric = null, string? Strand = null, int? School = null, string? Kind = null)
{
    public bool IsEmpty => Text.Clean(Words) is null && Text.Clean(Area) is null && Text.Clean(Metric) is null && Text.Clean(Strand) is null && School is null && Text.Clean(Kind) is null;
}

public sealed record StrandView(string Slug, string Name);

/// <summary>
/// One entry of the practice library: what worked, the school to ask, the framework area and measure it helps with, its
/// EEF Toolkit strands, and the record that is its evidence.
/// </summary>
/// <param name="Key">"{kind}/{id}": the entry's address (its tags page is /practice/{key}/tags).</param>
/// <param name="Kind">change-idea, area-of-excellence, support-episode or resource.</param>
/// <param name="Id">The record's id: the cycle, the peer review, the support episode or the resource.</param>
/// <param name="SchoolUrn">The school to ask; null for a resource the trust itself shared.</param>
/// <param name="EvidenceUrl">The cycle, the peer review, the episode, or the resource's own link.</param>
public sealed record PracticeEntry(string Key, string Kind, int Id, string Title, string? Summary, int? SchoolUrn, string SchoolName,
    string? AreaKey, string? AreaName, string? MetricKey, string? MetricName, List<StrandView> Strands, string EvidenceUrl, string EvidenceLabel, DateOnly On);

public sealed record Choice(string Value, string Name);

/// <summary>The entries found, newest first (when both an area and a measure are asked for, those matching both first), with the search form's choices.</summary>
/// <param name="TagUrns">The schools whose entries the reader may tag; null for every entry (trust leaders).</param>
public sealed record PracticeLibrary(PracticeQuery Query, List<PracticeEntry> Entries, int InLibrary, List<Choice> Areas, List<Choice> Metrics,
    List<Choice> Schools, bool CanShare, IReadOnlySet<int>? TagUrns)
{
    public bool MayTag(PracticeEntry entry) => CanShare && (TagUrns is null || entry.SchoolUrn is int urn && TagUrns.Contains(urn));
}

/// <summary>
/// The practice library (ADR 0092): what worked in the trust's schools, fed by the other features' records — change ideas
/// adopted after enquiry cycles (<see cref="ReadTrustView.WhatWorkedAsync"/>), areas of excellence that completed peer
/// reviews confirmed, support episodes whose impact is recorded — and the resources schools share. Everyone who may
/// read the library reads every school's entries (finding the school to ask is the point); the records behind them
/// keep their own rules.
/// </summary>
public sealed class ReadPracticeLibrary(AppDbContext db, AccessControl access, ReadTrustView trustView)
{
    public static string KindOf(PracticeSource source) => Codes.Of(source);

    public async Task<Outcome<PracticeLibrary>> SearchAsync(PracticeQuery query, CancellationToken ct)
    {
        if (!await access.CanAnywhereAsync(Permission.ViewPracticeLibrary, ct))
        {
            return Outcome<PracticeLibrary>.Forbidden();
        }
        var problems = new Problems();
        PracticeSource? kind = null;
        if (Text.Clean(query.Kind) is string k)
        {
            if (Codes.TryParse<PracticeSource>(k, out var parsed)) { kind = parsed; }
            else { problems.Add("kind", $"The kind must be one of {Codes.List<PracticeSource>()}, not \"{k}\"."); }
        }
        EefToolkit.Strand? strand = null;
        if (Text.Clean(query.Strand) is string s && (strand = EefToolkit.FindBySlug(s)) is null)
        {
            problems.Add("strand", $"\"{s}\" is not a strand of the EEF Teaching and Learning Toolkit (GET /api/practice/strands lists them).");
        }
        if (query.School is int urn && !await db.Schools.AnyAsync(x => x.Urn == urn, ct))
        {
            problems.Add("school", $"There is no school with URN {urn} in the trust.");
        }
        if (problems.Any)
        {
            return Outcome<PracticeLibrary>.Invalid(problems);
        }

        var all = await EntriesAsync(ct);
        var area = Text.Clean(query.Area);
        var metric = Text.Clean(query.Metric);
        var words = (Text.Clean(query.Words) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = all
            .Where(e => kind is null || e.Kind == KindOf(kind.Value))
            .Where(e => strand is null || e.Strands.Any(t => t.Slug == strand.Slug))
            .Where(e => query.School is null || e.SchoolUrn == query.School)
            .Where(e => (area, metric) switch
            {
                (null, null) => true,
                (string a, null) => e.AreaKey == a,
                (null, string m) => e.MetricKey == m,
                // A need's link asks for both: what helped in the area, or on the measure.
                (string a, string m) => e.AreaKey == a || e.MetricKey == m,
            })
            .Where(e => words.All(w => Searchable(e).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(e => (area is null || e.AreaKey == area) && (metric is null || e.MetricKey == metric))
            .ThenByDescending(e => e.On).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

        var areas = (await AreaNamesAsync(ct)).Select(n => new Choice(n.Key, n.Value))
            .Concat(all.Where(e => e.AreaKey is not null).Select(e => new Choice(e.AreaKey!, e.AreaName!)))
            .DistinctBy(c => c.Value).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var metrics = all.Where(e => e.MetricKey is not null).Select(e => new Choice(e.MetricKey!, e.MetricName!)).DistinctBy(c => c.Value).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (metric is not null && metrics.All(m => m.Value != metric))
        {
            metrics.Add(new Choice(metric, await db.Metrics.Where(m => m.Key == metric).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? metric));
        }
        var schools = await db.Schools.AsNoTracking().Where(x => x.ArchivedAt == null).OrderBy(x => x.Name)
            .Select(x => new Choice(x.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToListAsync(ct);
        var canShare = await access.CanAnywhereAsync(Permission.ShareResources, ct);
        var tagUrns = (await access.SchoolIdsAsync(Permission.ShareResources, ct)) is { } ids
            ? (await db.Schools.Where(x => ids.Contains(x.Id)).Select(x => x.Urn).ToListAsync(ct)).ToHashSet()
            : null;
        return Outcome<PracticeLibrary>.Ok(new PracticeLibrary(query, found, all.Count, areas, metrics, schools, canShare, tagUrns));
    }

    /// <summary>One entry by its kind code and id, whatever the search; null when there is no such entry.</summary>
    public async Task<PracticeEntry?> FindAsync(string kind, int id, CancellationToken ct) =>
        Codes.TryParse<PracticeSource>(kind, out var source)
            ? (await EntriesAsync(ct)).FirstOrDefault(e => e.Kind == KindOf(source) && e.Id == id)
            : null;

    private static string Searchable(PracticeEntry e) =>
        string.Join(' ', new[] { e.Title, e.Summary, e.SchoolName, e.AreaName, e.MetricName }.Concat(e.Strands.Select(s => s.Name)).Where(x => x is not null));

    /// <summary>Every entry in the library, unfiltered.</summary>
    private async Task<List<PracticeEntry>> EntriesAsync(CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.Urn, x.Name), ct);
        var areaNames = await AreaNamesAsync(ct);
        var areasById = await db.FrameworkAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Key, ct);
        var metricNames = await db.Metrics.AsNoTracking().ToDictionaryAsync(m => m.Key, m => m.Name, ct);
        var tags = (await db.PracticeTags.AsNoTracking().ToListAsync(ct))
            .ToLookup(t => (t.Source, t.SourceId), t => new StrandView(t.Strand, EefToolkit.NameOf(t.Strand)));
        List<StrandView> Strands(PracticeSource source, int id) =>
            tags[(source, id)].OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        string? AreaName(string? key) => key is null ? null : areaNames.GetValueOrDefault(key, key);
        string? MetricName(string? key) => key is null ? null : metricNames.GetValueOrDefault(key, key);
        var entries = new List<PracticeEntry>();

        // 1. Change ideas adopted after enquiry cycles: the measure is the enquiry's (its outcome measure first), the area the
        // framework area of the school's plan priority whose goal is on that measure.
        var worked = await trustView.WhatWorkedAsync(ct, wholeTrust: true);
        var enquiryIds = worked.Select(w => w.EnquiryId).Distinct().ToList();
        var measures = (await db.EnquiryMeasures.AsNoTracking()
                .Where(m => enquiryIds.Contains(m.EnquiryId) && m.MetricKey != null && m.RemovedAt == null).ToListAsync(ct))
            .GroupBy(m => m.EnquiryId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Kind).ThenBy(m => m.Id).First());
        var keys = measures.Values.Select(m => m.MetricKey!).Distinct().ToList();
        var goalAreas = await db.Goals.AsNoTracking().Where(g => keys.Contains(g.MetricKey))
            .Join(db.Priorities.Where(p => p.FrameworkAreaId != null), g => g.PriorityId, p => p.Id, (g, p) => new { g.SchoolId, g.MetricKey, p.PlanId, p.Order, AreaId = p.FrameworkAreaId!.Value })
            .ToListAsync(ct);
        foreach (var w in worked)
        {
            var measure = measures.GetValueOrDefault(w.EnquiryId);
            var schoolId = schools.First(x => x.Value.Urn == w.SchoolUrn).Key;
            var areaKey = measure is null ? null : goalAreas
                .Where(g => g.MetricKey == measure.MetricKey && g.SchoolId == (measure.SchoolId ?? schoolId))
                .OrderByDescending(g => g.PlanId).ThenBy(g => g.Order).Select(g => areasById[g.AreaId]).FirstOrDefault();
            var evidence = w.Evidence switch { 0 => "no evidence attached yet", 1 => "1 piece of evidence", _ => $"{w.Evidence} pieces of evidence" };
            entries.Add(new PracticeEntry($"{KindOf(PracticeSource.ChangeIdea)}/{w.CycleId}", KindOf(PracticeSource.ChangeIdea), w.CycleId, w.ChangeIdea,
                $"Adopted in {w.Unit} after cycle {w.CycleNumber} of the enquiry “{w.Enquiry}” ({w.Team}), with {evidence}.",
                w.SchoolUrn, w.SchoolName, areaKey, AreaName(areaKey), measure?.MetricKey, MetricName(measure?.MetricKey), Strands(PracticeSource.ChangeIdea, w.CycleId),
                $"/enquiries/{w.EnquiryId}/cycles/{w.CycleId}", $"Cycle {w.CycleNumber} of “{w.Enquiry}”", w.AdoptedOn ?? DateOnly.MinValue));
        }

        // 2. Areas of excellence a completed peer review confirmed (a finding written): the area is the focus area estimated at the top of the scale.
        var reviews = await db.PeerReviews.AsNoTracking()
            .Where(r => r.Status == PeerReviewStatus.Completed && r.AreaOfExcellence != null && r.AreaOfExcellenceFinding != null).ToListAsync(ct);
        var reviewIds = reviews.Select(r => r.Id).ToList();
        var top = await db.PeerReviewAreas.AsNoTracking().Where(a => reviewIds.Contains(a.PeerReviewId) && a.Estimate != null)
            .Join(db.PeerReviews, a => a.PeerReviewId, r => r.Id, (a, r) => new { a.PeerReviewId, a.FrameworkAreaId, a.Estimate, r.ReviewScaleId })
            .Join(db.ReviewScalePoints, x => new { x.ReviewScaleId, Key = x.Estimate! }, p => new { p.ReviewScaleId, p.Key }, (x, p) => new { x.PeerReviewId, x.FrameworkAreaId, p.Rank })
            .Where(x => x.Rank == 1).ToListAsync(ct);
        foreach (var r in reviews)
        {
            var areaKey = top.Where(t => t.PeerReviewId == r.Id).OrderBy(t => t.FrameworkAreaId).Select(t => areasById[t.FrameworkAreaId]).FirstOrDefault();
            var (urn, name) = schools[r.SchoolId];
            entries.Add(new PracticeEntry($"{KindOf(PracticeSource.AreaOfExcellence)}/{r.Id}", KindOf(PracticeSource.AreaOfExcellence), r.Id, r.AreaOfExcellence!,
                $"What the peer review found: {r.AreaOfExcellenceFinding}", urn, name, areaKey, AreaName(areaKey), null, null, Strands(PracticeSource.AreaOfExcellence, r.Id),
                $"/peer-reviews/{r.Id}", $"Peer review of {name}", DateOnly.FromDateTime(r.CompletedAt ?? r.EndsOn.ToDateTime(TimeOnly.MinValue))));
        }

        // 3. Support episodes whose impact is recorded: the giver is the school to ask.
        var episodes = await db.SupportEpisodes.AsNoTracking()
            .Where(e => e.Impact != null && e.Status != SupportEpisodeStatus.Cancelled).ToListAsync(ct);
        foreach (var e in episodes)
        {
            var (giverUrn, giver) = schools[e.GiverSchoolId];
            var receiver = schools[e.ReceiverSchoolId].Name;
            var areaKey = areasById.GetValueOrDefault(e.FrameworkAreaId);
            var summary = string.Join(" ", new[] { e.Aims, e.ImpactSentence, $"People: {e.People}." }.Where(x => !string.IsNullOrWhiteSpace(x)));
            entries.Add(new PracticeEntry($"{KindOf(PracticeSource.SupportEpisode)}/{e.Id}", KindOf(PracticeSource.SupportEpisode), e.Id,
                $"{giver} supported {receiver} in {AreaName(areaKey)?.ToLowerInvariant() ?? "an area"}", summary, giverUrn, giver, areaKey, AreaName(areaKey),
                e.MetricKey, MetricName(e.MetricKey), Strands(PracticeSource.SupportEpisode, e.Id),
                $"/support/episodes/{e.Id}", $"Support episode, {receiver}", e.EndsOn));
        }

        // 4. Resources schools (or the trust) shared.
        var resources = await db.SharedResources.AsNoTracking().Where(r => r.ArchivedAt == null).ToListAsync(ct);
        foreach (var r in resources)
        {
            var (urn, name) = r.SchoolId is int id ? schools[id] : ((int?)null, "The trust");
            entries.Add(new PracticeEntry($"{KindOf(PracticeSource.Resource)}/{r.Id}", KindOf(PracticeSource.Resource), r.Id, r.Title, r.Description,
                urn, name, r.AreaKey, AreaName(r.AreaKey), null, null, Strands(PracticeSource.Resource, r.Id),
                r.Url ?? "", $"{ResourceKinds.Name(r.Kind)}: {r.Title}", DateOnly.FromDateTime(r.CreatedAt)));
        }
        return entries;
    }

    /// <summary>Every framework area key in the trust with its name (the latest version's), for the search's choices and names.</summary>
    public async Task<Dictionary<string, string>> AreaNamesAsync(CancellationToken ct) =>
        (await db.FrameworkAreas.AsNoTracking()
            .Join(db.FrameworkVersions, a => a.FrameworkVersionId, v => v.Id, (a, v) => new { a.Key, a.Name, v.FrameworkId, a.FrameworkVersionId })
            .Join(db.Frameworks.Where(f => f.Level == Frameworks.FrameworkLevel.School), x => x.FrameworkId, f => f.Id, (x, f) => x)
            .ToListAsync(ct))
        .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.FrameworkVersionId).First().Name);
}

/// <summary>The kinds of resource in words a school leader would use.</summary>
public static class ResourceKinds
{
    public static string Name(ResourceKind kind) => kind switch
    {
        ResourceKind.SchemeOfWork => "Scheme of work",
        ResourceKind.Protocol => "Protocol",
        ResourceKind.Guide => "Guide",
        _ => "Other resource",
    };
}
