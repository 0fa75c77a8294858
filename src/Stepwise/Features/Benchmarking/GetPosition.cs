using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Comparators;
using Stepwise.Analytics.Spc;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.Benchmarking;

public sealed record MeasureInfo(string Key, string Name, string Unit, Polarity Polarity, string Source);

/// <summary>One school of the set in the chosen year, with its figure (or why it has none).</summary>
public sealed record MemberFigure(
    int Urn, string Name, double Distance, double? Value, string? Missing, bool IsSchool, bool InTrust,
    int? Pupils, double? FsmPercent, double? SenPercent, string? LocalAuthority);

/// <summary>The school's figure in one year and where it sits among its similar schools' figures that year.</summary>
public sealed record YearPosition(int Year, double? Value, string? Missing, PositionAmongComparators Among);

/// <summary>A school of the trust in the top quarter of its own similar schools on the measure.</summary>
public sealed record TrustStrength(int Urn, string Name, double Value, double PercentileRank, int Published);

public sealed record PositionView(
    ComparatorSetView Set,
    MeasureInfo Measure,
    IReadOnlyList<MeasureInfo> Measures,
    IReadOnlyList<int> Years,
    int? Year,
    YearPosition? Selected,
    IReadOnlyList<YearPosition> Trend,
    IReadOnlyList<MemberFigure> Members,
    IReadOnlyList<MemberFigure> LearnFrom,
    IReadOnlyList<TrustStrength> StrongInTrust);

public sealed record PositionLookup(PositionView? View, string? WhyNot);

/// <summary>
/// A school's position on one published measure among its similar schools: its figure, their median and quartiles,
/// its percentile rank, the trend over the years against them (today's similar schools in each year), who to learn
/// from, and which of the trust's own schools are strong on it. Missing and suppressed figures are shown as such
/// and never ranked.
/// </summary>
public sealed class GetPosition(AppDbContext db, ComparatorCache cache, FindComparators comparators)
{
    /// <summary>How many similar schools "who to learn from" lists.</summary>
    public const int LearnFromCount = 5;

    /// <summary>A trust school is "strong" on a measure from this percentile rank among its own similar schools.</summary>
    public const double StrongFrom = 75;

    public async Task<PositionLookup> HandleAsync(int urn, string? measureKey, int? year, WeightsView weights,
        IReadOnlyDictionary<int, string> trustSchools, CancellationToken ct)
    {
        var lookup = await comparators.HandleAsync(urn, weights, ct);
        if (lookup.Set is not { } set)
        {
            return new PositionLookup(null, lookup.WhyNot);
        }
        var urns = set.Members.Select(m => (int?)m.Urn).ToList();
        var keys = await db.ReferenceValues.Where(v => urns.Contains(v.Urn)).Select(v => v.MetricKey).Distinct().ToListAsync(ct);
        var measures = (await db.Metrics.AsNoTracking().Where(m => keys.Contains(m.Key)).ToListAsync(ct))
            .Select(Info).Where(m => m.Polarity != Polarity.Neutral).OrderBy(m => m.Key).ToList();
        if (measures.Count == 0)
        {
            return new PositionLookup(null, $"No published results or absence figures have been imported for {set.Name} or its similar schools.");
        }
        var measure = measureKey is null
            ? measures.FirstOrDefault(m => m.Key == KeyMeasures.Headline(set.Phase)) ?? measures[0]
            : measures.FirstOrDefault(m => m.Key == measureKey);
        if (measure is null)
        {
            return new PositionLookup(null, $"There are no figures for \"{measureKey}\" for {set.Name} or its similar schools.");
        }

        var values = await db.ReferenceValues.AsNoTracking()
            .Where(v => v.MetricKey == measure.Key && urns.Contains(v.Urn))
            .Select(v => new { Urn = v.Urn!.Value, v.Year, v.Value, v.Missing })
            .ToListAsync(ct);
        // One figure per school and year (a school could in principle appear twice, say as mainstream and special: keep one).
        var byYear = values.GroupBy(v => v.Year).ToDictionary(g => g.Key,
            g => g.GroupBy(v => v.Urn).ToDictionary(u => u.Key, u => u.OrderBy(v => v.Value is null).Select(v => (v.Value, v.Missing)).First()));
        var years = byYear.Keys.Order().ToList();
        var trend = years.Select(y => Position(set, byYear[y], y, measure.Polarity)).ToList();
        int? chosen = year is int asked && byYear.ContainsKey(asked) ? asked
            : trend.LastOrDefault(t => (t.Value is not null || t.Missing is not null) && t.Among.Published > 0)?.Year ?? years.LastOrDefault();
        if (years.Count == 0)
        {
            chosen = null;
        }

        var figures = chosen is int y ? byYear[y] : [];
        var members = set.Members.Select(m =>
        {
            var (value, missing) = figures.TryGetValue(m.Urn, out var f) ? f : (null, "no figure");
            return new MemberFigure(m.Urn, m.Name, m.Distance, value, value is null ? missing ?? "blank" : null, m.Urn == set.Urn,
                trustSchools.ContainsKey(m.Urn), m.Pupils, m.FsmPercent, m.SenPercent, m.LocalAuthority);
        }).ToList();
        var learnFrom = members.Skip(1).Where(m => m.Value is not null)
            .OrderBy(m => measure.Polarity == Polarity.Down ? m.Value : -m.Value).ThenBy(m => m.Distance)
            .Take(LearnFromCount).ToList();
        var strong = chosen is int forYear ? await StrongInTrustAsync(set, measure, forYear, weights, trustSchools, ct) : [];
        return new PositionLookup(new PositionView(set, measure, measures, years, chosen, trend.FirstOrDefault(t => t.Year == chosen),
            trend, members, learnFrom, strong), null);
    }

    public static MeasureInfo Info(Metric m) =>
        new(m.Key, m.Name, m.Unit, SpcCodes.ParsePolarity(m.Polarity) ?? Polarity.Neutral, m.Source);

    /// <summary>The school's figure and its position among the others' figures (a comparator with no row is not published).</summary>
    public static YearPosition Position(ComparatorSetView set, IReadOnlyDictionary<int, (double? Value, string? Missing)> figures, int year, Polarity polarity)
    {
        var (value, missing) = figures.TryGetValue(set.Urn, out var own) ? own : (null, null);
        var others = set.Others.Select(m => figures.TryGetValue(m.Urn, out var f) ? f.Value : null);
        return new YearPosition(year, value, value is null ? missing : null, ComparatorPosition.Of(value, others, polarity));
    }

    /// <summary>The trust's other schools in the top quarter of their own similar schools on this measure and year.</summary>
    private async Task<List<TrustStrength>> StrongInTrustAsync(ComparatorSetView set, MeasureInfo measure, int year, WeightsView weights,
        IReadOnlyDictionary<int, string> trustSchools, CancellationToken ct)
    {
        var pool = await cache.PoolAsync(db, ct);
        var sets = new List<ComparatorSetView>();
        foreach (var urn in trustSchools.Keys.Where(u => u != set.Urn))
        {
            if (pool.Locate(urn) is { } at)
            {
                sets.Add(FindComparators.View(await cache.SetsAsync(pool, at.Phase, weights.ToWeights(), ct), at.Index, weights));
            }
        }
        if (sets.Count == 0)
        {
            return [];
        }
        var urns = sets.SelectMany(s => s.Members).Select(m => (int?)m.Urn).Distinct().ToList();
        var figures = (await db.ReferenceValues.AsNoTracking()
                .Where(v => v.MetricKey == measure.Key && v.Year == year && urns.Contains(v.Urn))
                .Select(v => new { Urn = v.Urn!.Value, v.Value, v.Missing })
                .ToListAsync(ct))
            .GroupBy(v => v.Urn)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Value is null).Select(v => (v.Value, v.Missing)).First());
        return sets.Select(s => (Set: s, Position: Position(s, figures, year, measure.Polarity)))
            .Where(p => p.Position.Among.PercentileRank >= StrongFrom)
            .Select(p => new TrustStrength(p.Set.Urn, trustSchools[p.Set.Urn], p.Position.Value!.Value, p.Position.Among.PercentileRank!.Value, p.Position.Among.Published))
            .OrderByDescending(s => s.PercentileRank)
            .ToList();
    }
}
