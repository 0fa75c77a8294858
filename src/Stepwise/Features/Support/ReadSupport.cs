using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Plans;

namespace Stepwise.Features.Support;

public sealed record NeedRow(int Id, int SchoolUrn, string SchoolName, string AreaKey, string AreaName, string? MetricKey, string? MetricName,
    string Description, string Status, DateOnly RaisedOn, string RaisedBy, int Episodes);

/// <param name="GiverUrn">The school that gives the support.</param>
/// <param name="ReceiverUrn">The school that receives it.</param>
public sealed record EpisodeRow(int Id, int? NeedId, int GiverUrn, string GiverName, int ReceiverUrn, string ReceiverName, string AreaKey, string AreaName,
    string? MetricKey, string? MetricName, DateOnly StartsOn, DateOnly EndsOn, string People, string? Aims, int? NetworkId, string? NetworkName,
    string Status, DateTime AgreedAt, string AgreedBy, string? Impact, string? ImpactSentence, string? ImpactNote, DateTime? ImpactRecordedAt, string? ImpactRecordedBy);

/// <summary>What the reader may do with an episode: trust leaders decide episodes (BrokerSupport).</summary>
public sealed record EpisodeActions(bool End, bool RecordImpact);

public sealed record EpisodeView(EpisodeRow Episode, EpisodeActions Can);

/// <summary>A school's place in the give/receive balance, with its capacity this term.</summary>
public sealed record BalanceRow(int Urn, string Name, GiveReceive Balance, int EpisodesPerTerm, int GivingThisTerm)
{
    public int CapacityLeft => Math.Max(0, EpisodesPerTerm - GivingThisTerm);
}

/// <summary>
/// The reads of support between schools. Trust leaders (BrokerSupport) see every need and episode; a school's leaders
/// (RaiseSupportNeeds at their school) see their school's needs and the episodes it gives or receives. What the reader
/// may not see is not found.
/// </summary>
public sealed class ReadSupport(AppDbContext db, AccessControl access, ReadSupportBalance balance, TimeProvider clock)
{
    /// <summary>The schools whose support the reader may see; null means every school of the trust.</summary>
    public async Task<HashSet<int>?> SchoolIdsAsync(CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct) ? null : await access.SchoolIdsAsync(Permission.RaiseSupportNeeds, ct) ?? [];

    public async Task<List<NeedRow>> NeedsAsync(int? urn, string? status, CancellationToken ct)
    {
        var ids = await SchoolIdsAsync(ct);
        var query = db.SupportNeeds.AsNoTracking().Where(n => ids == null || ids.Contains(n.SchoolId));
        if (urn is int u)
        {
            query = query.Where(n => db.Schools.Any(s => s.Id == n.SchoolId && s.Urn == u));
        }
        if (Codes.TryParse<SupportNeedStatus>(status, out var wanted))
        {
            query = query.Where(n => n.Status == wanted);
        }
        var needs = await query.OrderByDescending(n => n.RaisedOn).ThenByDescending(n => n.Id).ToListAsync(ct);
        return await RowsAsync(needs, ct);
    }

    public async Task<NeedRow?> NeedAsync(int needId, CancellationToken ct)
    {
        var need = await db.SupportNeeds.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, ct);
        return need is not null && await CanSeeSchoolAsync(need.SchoolId, ct) ? (await RowsAsync([need], ct))[0] : null;
    }

    public async Task<List<EpisodeRow>> EpisodesAsync(int? urn, int? needId, CancellationToken ct)
    {
        var ids = await SchoolIdsAsync(ct);
        var query = db.SupportEpisodes.AsNoTracking().Where(e => ids == null || ids.Contains(e.GiverSchoolId) || ids.Contains(e.ReceiverSchoolId));
        if (urn is int u)
        {
            query = query.Where(e => db.Schools.Any(s => s.Urn == u && (s.Id == e.GiverSchoolId || s.Id == e.ReceiverSchoolId)));
        }
        if (needId is int n)
        {
            query = query.Where(e => e.SupportNeedId == n);
        }
        var episodes = await query.OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id).ToListAsync(ct);
        return await RowsAsync(episodes, ct);
    }

    public async Task<EpisodeView?> EpisodeAsync(int episodeId, CancellationToken ct)
    {
        var episode = await db.SupportEpisodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, ct);
        if (episode is null || !(await CanSeeSchoolAsync(episode.GiverSchoolId, ct) || await CanSeeSchoolAsync(episode.ReceiverSchoolId, ct)))
        {
            return null;
        }
        var broker = await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct);
        return new EpisodeView((await RowsAsync([episode], ct))[0],
            new EpisodeActions(End: broker && episode.Status == SupportEpisodeStatus.Agreed, RecordImpact: broker && episode.Status != SupportEpisodeStatus.Cancelled));
    }

    /// <summary>Every school the reader may see support of, with what it gives and receives (the one balance read) and its capacity this term.</summary>
    public async Task<List<BalanceRow>> BalanceAsync(CancellationToken ct)
    {
        var ids = await SchoolIdsAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => s.ArchivedAt == null && (ids == null || ids.Contains(s.Id)))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync(ct);
        var gives = await balance.ForSchoolsAsync(schools.Select(s => s.Urn).ToList(), ct);
        var capacity = await SupportCapacities.ThisTermAsync(db, clock.Today(), ct);
        return schools.Select(s =>
        {
            var (perTerm, giving) = capacity.GetValueOrDefault(s.Id, (SupportRules.DefaultEpisodesPerTerm, 0));
            return new BalanceRow(s.Urn, s.Name, gives.GetValueOrDefault(s.Urn, GiveReceive.None), perTerm, giving);
        }).ToList();
    }

    public async Task<bool> CanSeeSchoolAsync(int schoolId, CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct) || await access.CanAsync(Permission.RaiseSupportNeeds, schoolId, ct);

    /// <summary>The episodes as CSV for a spreadsheet, through the one CSV writer (<see cref="PlanCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<EpisodeRow> rows)
    {
        var csv = new PlanCsv();
        csv.Row("Episode", "Giver URN", "Giver", "Receiver URN", "Receiver", "Area", "Measure", "Starts", "Ends", "People", "Aims", "Network", "Status",
            "Agreed by", "Impact", "Impact reading", "Impact note");
        foreach (var e in rows)
        {
            csv.Row(e.Id, e.GiverUrn, e.GiverName, e.ReceiverUrn, e.ReceiverName, e.AreaName, e.MetricName ?? e.MetricKey, e.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                e.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.People, e.Aims, e.NetworkName, e.Status, e.AgreedBy, e.Impact,
                e.ImpactSentence, e.ImpactNote);
        }
        return csv.ToBytes();
    }

    private async Task<List<NeedRow>> RowsAsync(List<SupportNeed> needs, CancellationToken ct)
    {
        var (schools, areas, metrics) = await NamesAsync(needs.Select(n => n.SchoolId), needs.Select(n => n.FrameworkAreaId), needs.Select(n => n.MetricKey), ct);
        var ids = needs.Select(n => n.Id).ToList();
        var counts = await db.SupportEpisodes.AsNoTracking().Where(e => e.SupportNeedId != null && ids.Contains(e.SupportNeedId.Value) && e.Status != SupportEpisodeStatus.Cancelled)
            .GroupBy(e => e.SupportNeedId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return needs.Select(n => new NeedRow(n.Id, schools[n.SchoolId].Urn, schools[n.SchoolId].Name, areas[n.FrameworkAreaId].Key, areas[n.FrameworkAreaId].Name,
            n.MetricKey, n.MetricKey is null ? null : metrics.GetValueOrDefault(n.MetricKey), n.Description, Codes.Of(n.Status), n.RaisedOn, n.RaisedBy,
            counts.GetValueOrDefault(n.Id))).ToList();
    }

    private async Task<List<EpisodeRow>> RowsAsync(List<SupportEpisode> episodes, CancellationToken ct)
    {
        var (schools, areas, metrics) = await NamesAsync(episodes.SelectMany(e => new[] { e.GiverSchoolId, e.ReceiverSchoolId }), episodes.Select(e => e.FrameworkAreaId),
            episodes.Select(e => e.MetricKey), ct);
        var networkIds = episodes.Where(e => e.NetworkId != null).Select(e => e.NetworkId!.Value).Distinct().ToList();
        var networks = await db.Networks.AsNoTracking().Where(n => networkIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        return episodes.Select(e => new EpisodeRow(e.Id, e.SupportNeedId, schools[e.GiverSchoolId].Urn, schools[e.GiverSchoolId].Name,
            schools[e.ReceiverSchoolId].Urn, schools[e.ReceiverSchoolId].Name, areas[e.FrameworkAreaId].Key, areas[e.FrameworkAreaId].Name,
            e.MetricKey, e.MetricKey is null ? null : metrics.GetValueOrDefault(e.MetricKey), e.StartsOn, e.EndsOn, e.People, e.Aims, e.NetworkId,
            e.NetworkId is int n ? networks.GetValueOrDefault(n) : null, Codes.Of(e.Status), e.AgreedAt, e.AgreedBy, e.Impact is { } i ? Codes.Of(i) : null,
            e.ImpactSentence, e.ImpactNote, e.ImpactRecordedAt, e.ImpactRecordedBy)).ToList();
    }

    private async Task<(Dictionary<int, (int Urn, string Name)> Schools, Dictionary<int, (string Key, string Name)> Areas, Dictionary<string, string> Metrics)> NamesAsync(
        IEnumerable<int> schoolIds, IEnumerable<int> areaIds, IEnumerable<string?> metricKeys, CancellationToken ct)
    {
        var s = schoolIds.Distinct().ToList();
        var a = areaIds.Distinct().ToList();
        var m = metricKeys.Where(k => k != null).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(x => s.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => (x.Urn, x.Name), ct);
        var areas = await db.FrameworkAreas.AsNoTracking().Where(x => a.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => (x.Key, x.Name), ct);
        var metrics = await db.Metrics.AsNoTracking().Where(x => m.Contains(x.Key)).ToDictionaryAsync(x => x.Key, x => x.Name, ct);
        return (schools, areas, metrics);
    }
}

/// <summary>How much each school can give in a term and how much it gives in the term of a day.</summary>
public static class SupportCapacities
{
    /// <summary>The first and last day of the term <paramref name="day"/> falls in (Common/AcademicYear.cs's terms).</summary>
    public static (DateOnly From, DateOnly To) TermOf(DateOnly day)
    {
        var year = AcademicYear.Of(day);
        var term = AcademicYear.TermOf(day);
        return (year.TermStart(term), year.TermEnd(term));
    }

    /// <summary>"the spring term 2026/27".</summary>
    public static string TermName(DateOnly day) => $"the {AcademicYear.TermNames[AcademicYear.TermOf(day) - 1].ToLowerInvariant()} term {AcademicYear.Of(day)}";

    /// <summary>Per school id (those with a capacity row or an episode): episodes per term, and episodes (not cancelled) it gives overlapping that term.</summary>
    public static async Task<Dictionary<int, (int PerTerm, int Giving)>> ThisTermAsync(AppDbContext db, DateOnly day, CancellationToken ct, int? exceptEpisodeId = null)
    {
        var (from, to) = TermOf(day);
        var capacities = await db.SupportCapacities.AsNoTracking().ToDictionaryAsync(c => c.SchoolId, c => c.EpisodesPerTerm, ct);
        var giving = await db.SupportEpisodes.AsNoTracking()
            .Where(e => e.Status != SupportEpisodeStatus.Cancelled && e.StartsOn <= to && e.EndsOn >= from && e.Id != exceptEpisodeId)
            .GroupBy(e => e.GiverSchoolId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return capacities.Keys.Union(giving.Keys).ToDictionary(id => id,
            id => (capacities.TryGetValue(id, out var c) ? c : SupportRules.DefaultEpisodesPerTerm, giving.GetValueOrDefault(id)));
    }
}
