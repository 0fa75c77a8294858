using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Evidence;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// A PDSA cycle as its page and the API show it: the Plan, Do, Study and Act, the change idea, where it runs, the
/// cycles before and after it, the measures it watches (each with the link to its chart) and its evidence. Without
/// <see cref="Detail"/> (governors, reviewers) the team's working notes — what happened, the study, the note on the
/// decision — are left out; the question, prediction, dates and decision are there for everyone who sees the team.
/// </summary>
public sealed record CycleDetail(
    int Id, int EnquiryId, string Enquiry, int Number, int ChangeIdeaId, string ChangeIdea,
    CycleLink? Previous, IReadOnlyList<CycleLink> Next,
    int UnitId, string Unit, int SchoolUrn, string School,
    string Question, string Prediction, string? PlanWho, string? PlanWhat, string? PlanWhen, string? PlanWhere, DateOnly StartsOn,
    bool DoRecorded, bool Studied, string? WhatHappened, string? Study, CycleDecision? Decision, DateOnly? DecidedOn, string? DecisionNote,
    IReadOnlyList<WatchedMeasure> Measures, IReadOnlyList<EvidenceView> Evidence, bool Detail, bool CanEdit);

/// <summary>Another cycle of the chain: its number, where it ran and what was decided.</summary>
public sealed record CycleLink(int Id, int Number, string Unit, string School, CycleDecision? Decision);

/// <summary>A measure a cycle watches, with the chart its start and decision are marked on.</summary>
public sealed record WatchedMeasure(int Id, string Name, MeasureKind Kind, bool TeamMeasure, string ChartUrl);

/// <summary>The cycles of the enquiry as <see cref="ReadEnquiry"/> reads them (the one read of an enquiry), with each one's chain, measures and evidence.</summary>
public sealed class ReadCycle(AppDbContext db, ReadEnquiry enquiries, ReadEvidence evidence)
{
    /// <summary>One cycle of the enquiry; null when either is not found or not visible.</summary>
    public async Task<CycleDetail?> OneAsync(int enquiryId, int cycleId, CancellationToken ct) =>
        await enquiries.OneAsync(enquiryId, ct) is { } view && view.Cycles.Any(c => c.Cycle.Id == cycleId)
            ? (await DetailsAsync(view, cycleId, ct)).Single()
            : null;

    /// <summary>The enquiry's cycles in the order they were planned; null when the enquiry is not found or not visible.</summary>
    public async Task<List<CycleDetail>?> ListAsync(int enquiryId, CancellationToken ct) =>
        await enquiries.OneAsync(enquiryId, ct) is { } view ? await DetailsAsync(view, null, ct) : null;

    private async Task<List<CycleDetail>> DetailsAsync(EnquiryView view, int? only, CancellationToken ct)
    {
        var (enquiry, team) = (view.Enquiry, view.Access);
        var measures = view.Measures.ToDictionary(m => m.Measure.Id, m => m.Measure);
        var schoolIds = view.Cycles.Select(c => c.Cycle.SchoolId).Concat(measures.Values.Select(m => m.SchoolId).OfType<int>()).Distinct().ToList();
        var urns = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Urn, ct);
        var shown = view.Cycles.Where(c => only is null || c.Cycle.Id == only).ToList();
        var kept = await evidence.ForAsync(EvidenceOwner.Cycle, shown.Select(c => c.Cycle.Id).ToList(), ct);

        static CycleLink Link(CycleView c) => new(c.Cycle.Id, c.Cycle.Number, c.UnitName, c.SchoolName, c.Cycle.Decision);
        string Chart(EnquiryMeasure m) => m.IsTeamMeasure
            ? $"/enquiries/{enquiry.Id}/measures/{m.Id}"
            : $"/schools/{urns[m.SchoolId!.Value]}/metrics/{m.MetricKey}?group={m.Group ?? PupilGroups.All}";

        return shown.Select(v =>
        {
            var c = v.Cycle;
            return new CycleDetail(
                c.Id, enquiry.Id, enquiry.Title, c.Number, c.ChangeIdeaId, v.ChangeIdea,
                view.Cycles.FirstOrDefault(p => p.Cycle.Id == c.PreviousCycleId) is { } previous ? Link(previous) : null,
                view.Cycles.Where(n => n.Cycle.PreviousCycleId == c.Id).Select(Link).ToList(),
                c.UnitId, v.UnitName, urns[c.SchoolId], v.SchoolName,
                c.Question, c.Prediction, c.PlanWho, c.PlanWhat, c.PlanWhen, c.PlanWhere, c.StartsOn,
                !string.IsNullOrWhiteSpace(c.WhatHappened), !string.IsNullOrWhiteSpace(c.Study),
                team.Detail ? c.WhatHappened : null, team.Detail ? c.Study : null, c.Decision, c.DecidedOn, team.Detail ? c.DecisionNote : null,
                v.MeasureIds.Where(measures.ContainsKey).Select(id => measures[id])
                    .Select(m => new WatchedMeasure(m.Id, m.Name, m.Kind, m.IsTeamMeasure, Chart(m))).ToList(),
                kept.GetValueOrDefault(c.Id, []), team.Detail, team.Edit);
        }).ToList();
    }
}
