using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Risk;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Shared;

namespace Stepwise.Features.TrustReviews;

/// <summary>One thing that counted: what, and where to see it (the measure's chart, the area, the review).</summary>
public sealed record RiskReasonView(string Because, string? Measure, string? Area, string? Source, int? ReviewId, string? Link);

/// <summary>One component's line of a rating: how many things counted, the weight used (and whether it is the default), the points.</summary>
public sealed record RiskLineView(string Component, string Name, string Counts, bool Lowers, int Count, double Weight, double DefaultWeight, bool IsDefaultWeight,
    double Points, List<RiskReasonView> Because);

/// <summary>A school's risk rating, line by line: every component, the score (the sum of points) and the band by the trust's thresholds.</summary>
public sealed record RiskView(int Urn, string SchoolName, double Score, string Band, string BandName, double MediumRiskFrom, double HighRiskFrom,
    string SuggestedTier, string SuggestedTierName, List<RiskLineView> Components)
{
    public RiskBand BandValue => Enum.Parse<RiskBand>(BandName);
}

/// <summary>
/// The one read of the risk rating (ADR 0090). The evidence comes from the existing reads: the trust overview's key
/// measures (signals over the years, percentile among similar schools) and disadvantage gap, the school's
/// self-evaluation with the latest completed peer review's estimates, and the latest completed trust review's
/// findings; <see cref="RiskRating"/> weighs it with the trust's weights and bands it by the trust's thresholds.
/// Only for schools where the reader has ViewRisk (trust leaders; a school's leaders for their own school).
/// </summary>
public sealed class ReadRisk(AppDbContext db, AccessControl access, OverviewRows overview, ReadSelfEvaluation selfEvaluation, ReviewPolicies policies)
{
    public async Task<RiskView?> ForSchoolAsync(int urn, CancellationToken ct) =>
        (await ForSchoolsAsync([urn], ct)).GetValueOrDefault(urn);

    /// <summary>The ratings of the schools by URN that the reader may see the rating of (the others are left out).</summary>
    public async Task<Dictionary<int, RiskView>> ForSchoolsAsync(IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var permitted = await access.SchoolIdsAsync(Permission.ViewRisk, ct);
        var schools = db.Schools.Where(s => urns.Contains(s.Urn) && (permitted == null || permitted.Contains(s.Id)));
        return await ForRowsAsync((await overview.ReadAsync(schools, ct)).Rows, ct);
    }

    /// <summary>The ratings of rows the trust overview has already read, for those the reader may see the rating of.</summary>
    public async Task<Dictionary<int, RiskView>> ForRowsAsync(IReadOnlyList<OverviewRow> rows, CancellationToken ct) =>
        await RateAsync(rows, await access.SchoolIdsAsync(Permission.ViewRisk, ct), ct);

    /// <summary>
    /// Ratings whoever reads: only for the review calendar's frequency (a governor's calendar has the director's
    /// dates), never to be shown to a reader without ViewRisk.
    /// </summary>
    internal async Task<Dictionary<int, RiskView>> ForSchoolsAsSystemAsync(IReadOnlyCollection<int> urns, CancellationToken ct) =>
        await RateAsync((await overview.ReadAsync(db.Schools.Where(s => urns.Contains(s.Urn)), ct)).Rows, null, ct);

    private async Task<Dictionary<int, RiskView>> RateAsync(IReadOnlyList<OverviewRow> rows, HashSet<int>? permitted, CancellationToken ct)
    {
        var urns = rows.Select(r => r.Urn).ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn) && (permitted == null || permitted.Contains(s.Id)))
            .Select(s => new { s.Id, s.Urn }).ToDictionaryAsync(s => s.Urn, s => s.Id, ct);
        if (schools.Count == 0)
        {
            return [];
        }
        var policy = await policies.GetAsync(ct);
        var findings = await LatestFindingsAsync(schools.Values.ToList(), ct);
        var result = new Dictionary<int, RiskView>();
        foreach (var row in rows.Where(r => schools.ContainsKey(r.Urn)))
        {
            var evidence = new List<RiskEvidence>();
            evidence.AddRange(Measures(row));
            evidence.AddRange(await SelfEvaluationAsync(row.Urn, ct));
            evidence.AddRange(findings.GetValueOrDefault(schools[row.Urn]) ?? []);
            var rating = RiskRating.Rate(evidence, policy.WeightsByKey, policy.MediumRiskFrom, policy.HighRiskFrom);
            var tier = (SupportTier)RiskRating.SuggestedTier(rating.Band);
            result[row.Urn] = new RiskView(row.Urn, row.Name, rating.Score, Codes.Of(rating.Band), rating.Band.ToString(), policy.MediumRiskFrom, policy.HighRiskFrom,
                Codes.Of(tier), policy.TierName(tier),
                rating.Lines.Select(l => new RiskLineView(l.Component.Key, l.Component.Name, l.Component.Counts, l.Component.Lowers, l.Count, l.Weight,
                    l.Component.DefaultWeight, l.DefaultWeight, l.Points, l.Because.Select(b => new RiskReasonView(b.Because, b.Measure, b.Area, b.Source, b.ReviewId,
                        Link(row.Urn, b))).ToList())).ToList());
        }
        return result;
    }

    private static string? Link(int urn, RiskEvidence e) => e.Source switch
    {
        "data" when e.Measure == Gaps.ReadDisadvantageGaps.Metric && e.Component == RiskRating.GapWidening => $"/schools/{urn}/gaps",
        "data" => $"/benchmarking/schools/{urn}?measure={e.Measure}",
        "peer review" => $"/peer-reviews/{e.ReviewId}",
        "trust review" => $"/reviews/{e.ReviewId}",
        "self-evaluation" => $"/schools/{urn}/self-evaluation",
        _ => null,
    };

    /// <summary>The data signals: each key measure's signal and position among similar schools, and the disadvantage gap.</summary>
    private static IEnumerable<RiskEvidence> Measures(OverviewRow row)
    {
        foreach (var cell in row.Measures)
        {
            if (cell.Signal.Signal == Signal.Concern)
            {
                yield return new RiskEvidence(RiskRating.MeasureConcern, $"{cell.MeasureName}: {cell.Signal.Sentence}") { Measure = cell.MeasureKey, Source = "data" };
            }
            if (cell.Signal.Signal == Signal.Improvement)
            {
                yield return new RiskEvidence(RiskRating.MeasureImprovement, $"{cell.MeasureName}: {cell.Signal.Sentence}") { Measure = cell.MeasureKey, Source = "data" };
            }
            if (cell.Among?.PercentileRank is double rank && rank < 25)
            {
                yield return new RiskEvidence(RiskRating.BottomQuartile, $"{cell.MeasureName} ({cell.Year}): {Figures.BetterThan(rank)}.") { Measure = cell.MeasureKey, Source = "data" };
            }
        }
        if (row.Gap is { Change: "wider", Latest: { } latest, Previous: { } previous })
        {
            yield return new RiskEvidence(RiskRating.GapWidening,
                $"Disadvantaged pupils missed {latest.Gap:0.0} percentage points more school than others in {latest.Year}, against {previous.Gap:0.0} in {previous.Year}.")
            { Measure = Gaps.ReadDisadvantageGaps.Metric, Source = "data" };
        }
    }

    /// <summary>The school's own latest grades and the latest completed peer review's estimates, area by area.</summary>
    private async Task<List<RiskEvidence>> SelfEvaluationAsync(int urn, CancellationToken ct)
    {
        var evidence = new List<RiskEvidence>();
        var view = await selfEvaluation.HandleAsync(urn, null, null, ct);
        foreach (var area in view?.Areas ?? [])
        {
            if (area.Self is { ScaleSize: > 2 } self && self.Rank >= self.ScaleSize - 1)
            {
                evidence.Add(new RiskEvidence(RiskRating.SelfEvaluationLow, $"{area.Name}: the school judged it {self.GradeName.ToLowerInvariant()} on {Display.Date(self.JudgedOn)}.")
                    { Area = area.Key, Source = "self-evaluation" });
            }
            if (area.Peer is { } peer)
            {
                var reviewers = string.Join(", ", peer.ReviewingSchools);
                if (peer.Rank > (peer.ScaleSize + 1) / 2)
                {
                    evidence.Add(new RiskEvidence(RiskRating.PeerEstimateLow, $"{area.Name}: estimated {peer.EstimateName.ToLowerInvariant()} by the peer review of {Display.Date(peer.ReviewedOn)} ({reviewers}).")
                        { Area = area.Key, Source = "peer review", ReviewId = peer.ReviewId });
                }
                else if (peer.Rank == 1)
                {
                    evidence.Add(new RiskEvidence(RiskRating.PeerEstimateStrong, $"{area.Name}: estimated {peer.EstimateName.ToLowerInvariant()} by the peer review of {Display.Date(peer.ReviewedOn)} ({reviewers}).")
                        { Area = area.Key, Source = "peer review", ReviewId = peer.ReviewId });
                }
            }
        }
        return evidence;
    }

    /// <summary>Each school's latest completed trust review's findings in the lowest two or the top two grades of the area's scale.</summary>
    private async Task<Dictionary<int, List<RiskEvidence>>> LatestFindingsAsync(List<int> schoolIds, CancellationToken ct)
    {
        var reviews = (await db.SchoolReviews.AsNoTracking().Where(r => schoolIds.Contains(r.SchoolId) && r.Status == SchoolReviewStatus.Completed).ToListAsync(ct))
            .GroupBy(r => r.SchoolId).Select(g => g.OrderByDescending(r => r.ReviewOn).ThenByDescending(r => r.Id).First()).ToList();
        var ids = reviews.Select(r => r.Id).ToList();
        var findings = await (from f in db.ReviewFindings.AsNoTracking()
                              where ids.Contains(f.SchoolReviewId)
                              join a in db.FrameworkAreas on f.FrameworkAreaId equals a.Id
                              select new { f.SchoolReviewId, f.Grade, a.Key, a.Name, a.Scale, a.FrameworkVersionId, a.Order }).ToListAsync(ct);
        var versions = findings.Select(f => f.FrameworkVersionId).Distinct().ToList();
        var grades = await db.FrameworkGrades.AsNoTracking().Where(g => versions.Contains(g.FrameworkVersionId)).ToListAsync(ct);
        return reviews.ToDictionary(r => r.SchoolId, r => findings.Where(f => f.SchoolReviewId == r.Id).OrderBy(f => f.Order).SelectMany(f =>
        {
            var scale = grades.Where(g => g.FrameworkVersionId == f.FrameworkVersionId && g.Scale == f.Scale).ToList();
            var grade = scale.FirstOrDefault(g => g.Key == f.Grade);
            if (grade is null || scale.Count <= 2)
            {
                return [];
            }
            var because = $"{f.Name}: the trust review of {Display.Date(r.ReviewOn)} found it {grade.Name.ToLowerInvariant()}.";
            return grade.Rank >= scale.Count - 1 ? [new RiskEvidence(RiskRating.ReviewFindingLow, because) { Area = f.Key, Source = "trust review", ReviewId = r.Id }]
                : grade.Rank <= 2 ? [new RiskEvidence(RiskRating.ReviewFindingStrong, because) { Area = f.Key, Source = "trust review", ReviewId = r.Id }]
                : Array.Empty<RiskEvidence>();
        }).ToList());
    }
}
