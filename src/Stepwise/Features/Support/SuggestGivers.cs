using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Support;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.Enquiries;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Stages;
using Stepwise.Features.TrustReviews;

namespace Stepwise.Features.Support;

/// <summary>One reason a school is suggested, in a sentence, with the kind of evidence it is.</summary>
public sealed record GiverReason(string Kind, string Sentence);

/// <param name="GiverUrn">The school suggested to give.</param>
/// <param name="ReceiverUrn">The school with the need.</param>
/// <param name="Score">Each kind of evidence counts one, a similar school one more (ADR 0091).</param>
/// <param name="CapacityLeft">Episodes it can still give this term.</param>
public sealed record GiverSuggestion(int GiverUrn, string GiverName, int ReceiverUrn, string ReceiverName, int Score, bool Similar,
    IReadOnlyList<GiverReason> Reasons, int EpisodesPerTerm, int GivingThisTerm, int CapacityLeft);

/// <summary>A school with evidence of strength that is not suggested because it gives all it can this term.</summary>
public sealed record FullGiver(int Urn, string Name, int EpisodesPerTerm, int GivingThisTerm, string Sentence);

public sealed record Suggestions(NeedRow Need, string Term, IReadOnlyList<GiverSuggestion> Givers, IReadOnlyList<FullGiver> AtCapacity);

/// <summary>
/// Suggests givers for a need (ADR 0091): every other open school of the trust is weighed on the evidence that it is
/// strong in the need's area — matched by the area's key across framework versions — and on its measure: its latest
/// self or trust judgement in the top two grades; a completed peer review's estimate in the top half of its scale; a
/// completed trust review's finding in the top two grades; an improvement signal on the measure (the school's own
/// metric reading) or a top-quarter position among its similar schools (benchmarking); the Sustain stage; a change
/// idea adopted on the measure. Similar schools (the receiver's comparator set, else the same phase) rank higher; a
/// school at its capacity this term is never suggested. Ranking is <see cref="GiverRanking"/>'s.
/// </summary>
public sealed class SuggestGivers(AppDbContext db, AccessControl access, ReadSupport read, ReadTrustView trustView, FindComparators comparators,
    GetPosition positions, TrustWeights weights, TimeProvider clock)
{
    public async Task<Common.Outcome<Suggestions>> HandleAsync(int needId, CancellationToken ct)
    {
        if (await read.NeedAsync(needId, ct) is not { } need)
        {
            return Common.Outcome<Suggestions>.NotFound();
        }
        if (!await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            return Common.Outcome<Suggestions>.Forbidden();
        }
        var today = Common.Clock.Today(clock);
        var receiver = await db.Schools.AsNoTracking().FirstAsync(s => s.Urn == need.SchoolUrn, ct);
        var others = await db.Schools.AsNoTracking().Where(s => s.ArchivedAt == null && s.Id != receiver.Id).OrderBy(s => s.Name).ToListAsync(ct);
        var otherIds = others.Select(s => s.Id).ToList();

        // The areas with the need's key in every framework version, and each version's grades.
        var areas = await db.FrameworkAreas.AsNoTracking().Where(a => a.Key == need.AreaKey).ToListAsync(ct);
        var areaIds = areas.Select(a => a.Id).ToList();
        var versionIds = areas.Select(a => a.FrameworkVersionId).Distinct().ToList();
        var grades = await db.FrameworkGrades.AsNoTracking().Where(g => versionIds.Contains(g.FrameworkVersionId)).ToListAsync(ct);
        (int Rank, string Name)? Grade(int areaId, string key)
        {
            var area = areas.First(a => a.Id == areaId);
            return grades.FirstOrDefault(g => g.FrameworkVersionId == area.FrameworkVersionId && g.Scale == area.Scale && g.Key == key) is { } g ? (g.Rank, g.Name) : null;
        }

        var judgements = await db.Judgements.AsNoTracking()
            .Where(j => otherIds.Contains(j.SchoolId) && areaIds.Contains(j.FrameworkAreaId) && (j.Source == JudgementSource.Self || j.Source == JudgementSource.Trust))
            .ToListAsync(ct);
        var peer = await db.PeerReviewAreas.AsNoTracking().Where(a => a.Estimate != null && areaIds.Contains(a.FrameworkAreaId))
            .Join(db.PeerReviews.Where(r => r.Status == PeerReviewStatus.Completed && otherIds.Contains(r.SchoolId)), a => a.PeerReviewId, r => r.Id,
                (a, r) => new { r.SchoolId, r.EndsOn, r.ReviewScaleId, a.Estimate })
            .ToListAsync(ct);
        var scaleIds = peer.Select(p => p.ReviewScaleId).Distinct().ToList();
        var points = await db.ReviewScalePoints.AsNoTracking().Where(p => scaleIds.Contains(p.ReviewScaleId)).ToListAsync(ct);
        var findings = await db.ReviewFindings.AsNoTracking().Where(f => areaIds.Contains(f.FrameworkAreaId))
            .Join(db.SchoolReviews.Where(r => r.Status == SchoolReviewStatus.Completed && otherIds.Contains(r.SchoolId)), f => f.SchoolReviewId, r => r.Id,
                (f, r) => new { r.SchoolId, r.ReviewOn, f.FrameworkAreaId, f.Grade })
            .ToListAsync(ct);
        var stages = await CurrentStages.OfWholeSchoolsAsync(db, others.Select(s => s.Urn).ToList(), today, ct);
        var adopted = need.MetricKey is null ? [] : await AdoptedAsync(need.MetricKey, ct);
        var similar = await SimilarAsync(receiver, others, ct);
        var capacity = await SupportCapacities.ThisTermAsync(db, today, ct);
        var view = await weights.GetAsync(ct);
        var trustSchools = others.ToDictionary(s => s.Urn, s => s.Name);

        var candidates = new List<(GiverCandidate Candidate, List<GiverReason> Reasons)>();
        foreach (var school in others)
        {
            var reasons = new List<(GiverStrength? Kind, string Sentence)>();
            if (judgements.Where(j => j.SchoolId == school.Id).OrderBy(j => j.JudgedOn).ThenBy(j => j.RecordedAt).LastOrDefault() is { } j
                && Grade(j.FrameworkAreaId, j.Grade) is { } grade && GiverRanking.InTopTwo(grade.Rank))
            {
                reasons.Add((GiverStrength.Judgement,
                    $"Its latest {(j.Source == JudgementSource.Self ? "self-evaluation" : "trust judgement")} of {need.AreaName.ToLowerInvariant()} is {grade.Name.ToLowerInvariant()} ({Shared.Display.Date(j.JudgedOn)})."));
            }
            if (peer.Where(p => p.SchoolId == school.Id).OrderBy(p => p.EndsOn).LastOrDefault() is { } p)
            {
                var scale = points.Where(x => x.ReviewScaleId == p.ReviewScaleId).ToList();
                if (scale.FirstOrDefault(x => x.Key == p.Estimate) is { } point && GiverRanking.InTopHalf(point.Rank, scale.Count))
                {
                    reasons.Add((GiverStrength.PeerReview, $"A peer review completed {Shared.Display.Date(p.EndsOn)} estimated it {point.Name.ToLowerInvariant()} in {need.AreaName.ToLowerInvariant()}."));
                }
            }
            if (findings.Where(f => f.SchoolId == school.Id).OrderBy(f => f.ReviewOn).LastOrDefault() is { } f
                && Grade(f.FrameworkAreaId, f.Grade) is { } found && GiverRanking.InTopTwo(found.Rank))
            {
                reasons.Add((GiverStrength.TrustReview, $"The trust's review of {Shared.Display.Date(f.ReviewOn)} found {need.AreaName.ToLowerInvariant()} {found.Name.ToLowerInvariant()}."));
            }
            if (need.MetricKey is { } metric)
            {
                if (await MeasureSignalAsync(school, metric, ct) is { } signal)
                {
                    reasons.Add((GiverStrength.ImprovementSignal, signal));
                }
                var position = await positions.HandleAsync(school.Urn, metric, null, view, trustSchools, ct);
                if (position.View is { Measure.Key: var key, Selected: { Among.PercentileRank: double rank } selected } && key == metric && rank >= GetPosition.StrongFrom)
                {
                    reasons.Add((GiverStrength.TopQuartile,
                        $"On {position.View.Measure.Name.ToLowerInvariant()} it did better than {rank:0}% of its similar schools in {selected.Year}."));
                }
            }
            if (stages.TryGetValue(school.Urn, out var stage) && stage.Stage == Stage.Sustain)
            {
                reasons.Add((GiverStrength.Sustain, $"The whole school has been at the Sustain stage since {Shared.Display.Date(stage.Since)}."));
            }
            foreach (var idea in adopted.Where(a => a.SchoolUrn == school.Urn).Take(2))
            {
                reasons.Add((GiverStrength.AdoptedChange,
                    $"Its team adopted \"{idea.ChangeIdea}\" in the enquiry \"{idea.Enquiry}\"{(idea.AdoptedOn is DateOnly on ? $" ({Shared.Display.Date(on)})" : "")}, on this measure."));
            }
            if (similar.Ids.Contains(school.Id))
            {
                reasons.Add((null, similar.Why));
            }
            var (perTerm, giving) = capacity.GetValueOrDefault(school.Id, (SupportRules.DefaultEpisodesPerTerm, 0));
            var strengths = reasons.Where(r => r.Kind is not null).Select(r => r.Kind!.Value).ToList();
            candidates.Add((new GiverCandidate(school.Id, strengths, similar.Ids.Contains(school.Id), perTerm, giving),
                reasons.Select(r => new GiverReason(r.Kind is { } k ? Common.Codes.Of(k) : "similar", r.Sentence)).ToList()));
        }

        var byId = others.ToDictionary(s => s.Id);
        var ranked = GiverRanking.Rank(candidates.Select(c => c.Candidate));
        var givers = ranked.Select(r =>
        {
            var school = byId[r.Candidate.Id];
            var reasons = candidates.First(c => c.Candidate.Id == r.Candidate.Id).Reasons;
            return new GiverSuggestion(school.Urn, school.Name, receiver.Urn, receiver.Name, r.Score, r.Candidate.Similar, reasons,
                r.Candidate.EpisodesPerTerm, r.Candidate.GivingThisTerm, r.Candidate.CapacityLeft);
        }).ToList();
        var term = SupportCapacities.TermName(today);
        var full = candidates.Where(c => c.Candidate.AtCapacity && c.Candidate.Strengths.Count > 0).Select(c =>
        {
            var school = byId[c.Candidate.Id];
            return new FullGiver(school.Urn, school.Name, c.Candidate.EpisodesPerTerm, c.Candidate.GivingThisTerm,
                $"{school.Name} gives {c.Candidate.GivingThisTerm} episode{(c.Candidate.GivingThisTerm == 1 ? "" : "s")} in {term}, its capacity of {c.Candidate.EpisodesPerTerm}: it is not suggested.");
        }).ToList();
        return Common.Outcome<Suggestions>.Ok(new Suggestions(need, term, givers, full));
    }

    /// <summary>An improvement signal on the school's own reading of the measure, as its metric page reads it; null if none.</summary>
    private async Task<string?> MeasureSignalAsync(Schools.School school, string metricKey, CancellationToken ct)
    {
        var analysis = await EpisodeImpact.AnalyseAsync(db, school, metricKey, ct);
        return analysis?.Reading.Signal == Common.Signal.Improvement ? $"Its own figures show an improvement signal: {analysis.Reading.Sentence}" : null;
    }

    private async Task<List<ReadTrustView.WhatWorked>> AdoptedAsync(string metricKey, CancellationToken ct)
    {
        var worked = await trustView.WhatWorkedAsync(ct);
        var enquiries = worked.Select(w => w.EnquiryId).Distinct().ToList();
        var onMeasure = await db.EnquiryMeasures.AsNoTracking()
            .Where(m => enquiries.Contains(m.EnquiryId) && m.MetricKey == metricKey && m.RemovedAt == null).Select(m => m.EnquiryId).Distinct().ToListAsync(ct);
        return worked.Where(w => onMeasure.Contains(w.EnquiryId)).ToList();
    }

    /// <summary>
    /// The ids of the receiver's similar schools among the others, and the sentence that says why: those in its
    /// benchmarking comparator set; where none of the trust's schools is in it (a set is the nearest schools of all
    /// England), the trust's schools of the same phase.
    /// </summary>
    private async Task<(HashSet<int> Ids, string Why)> SimilarAsync(Schools.School receiver, List<Schools.School> others, CancellationToken ct)
    {
        var lookup = await comparators.HandleAsync(receiver.Urn, await weights.GetAsync(ct), ct);
        var urns = lookup.Set?.Members.Select(m => m.Urn).ToHashSet() ?? [];
        var inSet = others.Where(s => urns.Contains(s.Urn)).Select(s => s.Id).ToHashSet();
        if (inSet.Count > 0)
        {
            return (inSet, $"It is one of {receiver.Name}'s similar schools (its benchmarking comparators).");
        }
        var phase = Shared.Display.Phase(Common.Codes.Of(receiver.Phase)).ToLowerInvariant();
        return (others.Where(s => s.Phase == receiver.Phase).Select(s => s.Id).ToHashSet(),
            $"It is a {phase} school like {receiver.Name} (none of the trust's schools is among {receiver.Name}'s similar schools nationally).");
    }
}
