using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Comparators;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Gaps;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Shared;
using Stepwise.Features.Support;
using Stepwise.Features.TrustReviews;

namespace Stepwise.Features.Benchmarking;

/// <summary>One key measure of one school: its latest figure, the signal over the years, and its position among similar schools.</summary>
public sealed record OverviewCell(
    string MeasureKey, string MeasureName, string Unit, int? Year, double? Value, string? Missing, Reading Signal, PositionAmongComparators? Among)
{
    /// <summary>The school's year written, with "— the latest published here" when it is more than two years old.</summary>
    public string? YearText { get; init; }

    /// <summary>The most recent England and regional figures for schools of its phase, each with its year.</summary>
    public Reference.BesideFigure? Beside { get; init; }
}

public sealed record OverviewRow(int Urn, string Name, string Phase, int? Pupils, double? FsmPercent, bool InNationalData, int SimilarSchools,
    IReadOnlyList<OverviewCell> Measures, ImprovementSnapshot? Improvement, DisadvantageGapSnapshot? Gap)
{
    /// <summary>The school's risk rating; null where the person may not see it (governors, other schools' leaders).</summary>
    public RiskView? Risk { get; init; }

    /// <summary>Its review calendar line: tier, last and next review.</summary>
    public CalendarRow? Review { get; init; }

    /// <summary>How much it gives and receives in support episodes.</summary>
    public GiveReceive? Support { get; init; }
}

public sealed record OverviewView(IReadOnlyList<OverviewRow> Schools, WeightsView Weights, string Sort, bool Descending, bool HasNationalData);

/// <summary>
/// The rows of the trust overview for a set of schools: each school's key measures (the latest published figure, a
/// signal from an XmR chart over the years, its percentile among its similar schools), its stage and latest
/// self-evaluation, and its disadvantage gap. The risk rating (ReadRisk) reads its data signals from here too.
/// </summary>
public sealed class OverviewRows(AppDbContext db, ComparatorCache cache, TrustWeights trustWeights, ReadImprovementSnapshots improvement,
    ReadDisadvantageGaps gaps, Reference.ReadNationalFigures national, TimeProvider clock)
{
    /// <summary>Fewer years than this get no signal: limits from two or three points say almost nothing.</summary>
    public const int MinimumYears = TrustOverview.MinimumYears;

    public sealed record Read(List<OverviewRow> Rows, WeightsView Weights, bool HasNationalData);

    /// <summary>The rows of the open schools given (the caller has already decided the person may see them), in name order.</summary>
    public async Task<Read> ReadAsync(IQueryable<Schools.School> of, CancellationToken ct)
    {
        var weights = await trustWeights.GetAsync(ct);
        var schools = await of.Where(s => s.ArchivedAt == null)
            .Select(s => new { s.Urn, s.Name, s.Phase, s.Pupils, s.PercentFreeSchoolMeals }).ToListAsync(ct);
        var pool = await cache.PoolAsync(db, ct);

        var sets = new Dictionary<int, ComparatorSetView>();
        foreach (var school in schools)
        {
            if (pool.Locate(school.Urn) is { } at)
            {
                sets[school.Urn] = FindComparators.View(await cache.SetsAsync(pool, at.Phase, weights.ToWeights(), ct), at.Index, weights);
            }
        }
        var measureKeys = schools.SelectMany(s => KeyMeasures.ForOverview(pool.Find(s.Urn)?.Phase ?? BenchmarkPhase.Of(s.Phase))).Distinct().ToList();
        var metrics = (await db.Metrics.AsNoTracking().Where(m => measureKeys.Contains(m.Key)).ToListAsync(ct)).ToDictionary(m => m.Key, GetPosition.Info);
        var urns = schools.Select(s => (int?)s.Urn).Concat(sets.Values.SelectMany(s => s.Members).Select(m => (int?)m.Urn)).Distinct().ToList();
        var values = (await db.ReferenceValues.AsNoTracking()
                .Where(v => measureKeys.Contains(v.MetricKey) && urns.Contains(v.Urn))
                .Select(v => new { v.MetricKey, v.Year, Urn = v.Urn!.Value, v.Value, v.Missing })
                .ToListAsync(ct))
            .GroupBy(v => (v.MetricKey, v.Year))
            .ToDictionary(g => g.Key, g => g.GroupBy(v => v.Urn).ToDictionary(u => u.Key, u => u.OrderBy(v => v.Value is null).Select(v => (v.Value, v.Missing)).First()));

        // The improvement loop's side of each school: its stage and its latest self-evaluation (issue 6).
        var snapshots = await improvement.ForSchoolsAsync(schools.Select(s => s.Urn).ToList(), ct);
        var gapSnapshots = await gaps.ForSchoolsAsync(schools.Select(s => s.Urn).ToList(), ct);
        // England's and the region's most recent figures beside each school's own, with their years (ADR 0079).
        var beside = new Dictionary<int, Reference.NationalBeside>();
        foreach (var school in schools)
        {
            beside[school.Urn] = await national.BesideAsync(school.Urn, ct);
        }
        var today = clock.Today();
        var rows = schools.Select(s =>
        {
            var inPool = pool.Find(s.Urn);
            var phase = inPool?.Phase ?? BenchmarkPhase.Of(s.Phase);
            sets.TryGetValue(s.Urn, out var set);
            var cells = KeyMeasures.ForOverview(phase).Select(key =>
            {
                var cell = Cell(key, s.Urn, set, metrics, values);
                return cell with
                {
                    YearText = cell.Year is int year ? Reference.RecentFigure.Of(year, cell.Value, cell.Missing, today).YearText : null,
                    Beside = beside[s.Urn].Figures.FirstOrDefault(f => f.Metric == key),
                };
            }).ToList();
            return new OverviewRow(s.Urn, s.Name, phase, inPool?.Pupils ?? s.Pupils, inPool?.FsmPercent ?? s.PercentFreeSchoolMeals, inPool is not null,
                set is null ? 0 : set.Members.Count - 1, cells, snapshots.GetValueOrDefault(s.Urn), gapSnapshots.GetValueOrDefault(s.Urn));
        }).ToList();

        return new Read(rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(), weights, pool.Count > 0);
    }

    private static OverviewCell Cell(string key, int urn, ComparatorSetView? set, Dictionary<string, MeasureInfo> metrics,
        Dictionary<(string, int), Dictionary<int, (double? Value, string? Missing)>> values)
    {
        if (!metrics.TryGetValue(key, out var measure))
        {
            return new OverviewCell(key, key, "", null, null, null, Reading.NoData, null);
        }
        var series = values.Where(v => v.Key.Item1 == key && v.Value.ContainsKey(urn)).OrderBy(v => v.Key.Item2)
            .Select(v => (Year: v.Key.Item2, Figure: v.Value[urn], All: v.Value)).ToList();
        if (series.Count == 0)
        {
            return new OverviewCell(key, measure.Name, measure.Unit, null, null, null, Reading.NoData, null);
        }
        var latest = series[^1];
        var signal = Reading.OfSeries([.. series.Where(p => p.Figure.Value is not null).Select(p => p.Figure.Value!.Value)], measure.Polarity, measure.Name, "year", "years", MinimumYears);
        var among = set is null ? null : GetPosition.Position(set, latest.All, latest.Year, measure.Polarity).Among;
        return new OverviewCell(key, measure.Name, measure.Unit, latest.Year, latest.Figure.Value,
            latest.Figure.Value is null ? latest.Figure.Missing ?? "blank" : null, signal, among);
    }
}

/// <summary>
/// Every school of the trust the person may see, with its key measures (<see cref="OverviewRows"/>) and, where the
/// person may see them, its risk rating, support tier, next review and what it gives and receives. Sorted on the server.
/// </summary>
public sealed class TrustOverview(AccessControl access, OverviewRows read, ReadRisk risk, ReadReviewCalendar calendar,
    ReadSupportBalance balance)
{
    /// <summary>Fewer years than this get no signal: limits from two or three points say almost nothing.</summary>
    public const int MinimumYears = 4;

    /// <summary>The columns a table can be sorted by; measure columns (0, 1, 2) sort by percentile among similar schools.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["school", "phase", "stage", "pupils", "headline", "absence", "persistent", "gap", "risk", "tier", "next-review", "gives", "receives"];

    public async Task<OverviewView> HandleAsync(string? sort, bool? descending, CancellationToken ct)
    {
        var (rows, weights, hasNational) = await read.ReadAsync(await access.SchoolsAsync(Permission.ViewSchool, ct), ct);
        // Issue 22: the rating (only where the person may see it), the tier and next review, and the give/receive balance.
        var ratings = await risk.ForRowsAsync(rows, ct);
        var urns = rows.Select(r => r.Urn).ToList();
        var schedule = (await calendar.ForSchoolsAsync(urns, ct)).ToDictionary(c => c.Urn);
        var support = await balance.ForSchoolsAsync(urns, ct);
        rows = rows.Select(r => r with
        {
            Risk = ratings.GetValueOrDefault(r.Urn),
            Review = schedule.GetValueOrDefault(r.Urn),
            Support = support.GetValueOrDefault(r.Urn) ?? GiveReceive.None,
        }).ToList();

        var key = SortKeys.Contains(sort ?? "") ? sort! : "school";
        var desc = descending ?? key is "headline" or "absence" or "persistent" or "risk" or "tier";
        return new OverviewView(Sorted(rows, key, desc), weights, key, desc, hasNational);
    }

    private static List<OverviewRow> Sorted(List<OverviewRow> rows, string key, bool descending)
    {
        // Rows without a figure to sort by go last whichever the direction; ties keep the name order.
        var byName = rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        IComparable? Key(OverviewRow r) => key switch
        {
            "phase" => r.Phase,
            "pupils" => r.Pupils,
            "stage" => r.Improvement?.Stage switch { "stabilise" => 1, "repair" => 2, "improve" => 3, "sustain" => 4, _ => (int?)null },
            "headline" => r.Measures[0].Among?.PercentileRank,
            "absence" => r.Measures[1].Among?.PercentileRank,
            "persistent" => r.Measures[2].Among?.PercentileRank,
            "gap" => r.Gap?.Latest?.Gap,
            "risk" => r.Risk?.Score,
            "tier" => r.Review?.Tier is { } tier ? (int)tier.Tier : null,
            "next-review" => r.Review?.NextOn,
            "gives" => r.Support?.Gives,
            "receives" => r.Support?.Receives,
            _ => r.Name.ToUpperInvariant(),
        };
        var known = byName.Where(r => Key(r) is not null);
        var sorted = descending ? known.OrderByDescending(Key) : known.OrderBy(Key);
        return [.. sorted, .. byName.Where(r => Key(r) is null)];
    }
}
