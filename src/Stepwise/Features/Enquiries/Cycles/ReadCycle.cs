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
    bool Studied, string? WhatHappened, string? Study, CycleDecision? Decision, DateOnly? DecidedOn, string? DecisionNote,
    IReadOnlyList<WatchedMeasure> Measures, IReadOnlyList<EvidenceView> Evidence, bool Detail, bool CanEdit);

/// <summary>Another cycle of the chain: its number, where it ran and what was decided.</summary>
public sealed record CycleLink(int Id, int Number, string Unit, string School, CycleDecision? Decision);

/// <summary>A measure a cycle watches, with the chart its start and decision are marked on.</summary>
public sealed record WatchedMeasure(int Id, string Name, MeasureKind Kind, bool TeamMeasure, string ChartUrl);

public sealed class ReadCycle(AppDbContext db, EnquiryAccess access, ReadEvidence evidence)
{
    /// <summary>One cycle of the enquiry; null when either is not found or not visible.</summary>
    public async Task<CycleDetail?> OneAsync(int enquiryId, int cycleId, CancellationToken ct) =>
        await access.ForEnquiryAsync(enquiryId, ct) is var (enquiry, team)
        && await db.PdsaCycles.AsNoTracking().AnyAsync(c => c.Id == cycleId && c.EnquiryId == enquiryId, ct)
            ? (await ReadAsync(enquiry, team, cycleId, ct)).Single()
            : null;

    /// <summary>The enquiry's cycles in the order they were planned; null when the enquiry is not found or not visible.</summary>
    public async Task<List<CycleDetail>?> ListAsync(int enquiryId, CancellationToken ct) =>
        await access.ForEnquiryAsync(enquiryId, ct) is var (enquiry, team) ? await ReadAsync(enquiry, team, null, ct) : null;

    private async Task<List<CycleDetail>> ReadAsync(Enquiry enquiry, TeamAccess team, int? only, CancellationToken ct)
    {
        var cycles = await db.PdsaCycles.AsNoTracking().Where(c => c.EnquiryId == enquiry.Id).OrderBy(c => c.Number).ToListAsync(ct);
        var ideaIds = cycles.Select(c => c.ChangeIdeaId).Distinct().ToList();
        var ideas = await db.DriverNodes.AsNoTracking().Where(n => ideaIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Text, ct);
        var unitIds = cycles.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var measures = await db.EnquiryMeasures.AsNoTracking().Where(m => m.EnquiryId == enquiry.Id).ToDictionaryAsync(m => m.Id, ct);
        var schoolIds = cycles.Select(c => c.SchoolId).Concat(measures.Values.Where(m => m.SchoolId != null).Select(m => m.SchoolId!.Value)).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new { s.Urn, s.Name }, ct);
        var shown = cycles.Where(c => only is null || c.Id == only).ToList();
        var shownIds = shown.Select(c => c.Id).ToList();
        var watched = await db.CycleMeasures.AsNoTracking().Where(m => shownIds.Contains(m.CycleId)).OrderBy(m => m.MeasureId).ToListAsync(ct);
        var kept = await evidence.ForAsync(EvidenceOwner.Cycle, shownIds, ct);

        CycleLink Link(PdsaCycle c) => new(c.Id, c.Number, units[c.UnitId], schools[c.SchoolId].Name, c.Decision);
        string Chart(EnquiryMeasure m) => m.IsTeamMeasure
            ? $"/enquiries/{enquiry.Id}/measures/{m.Id}"
            : $"/schools/{schools[m.SchoolId!.Value].Urn}/metrics/{m.MetricKey}?group={m.Group ?? PupilGroups.All}";

        return shown.Select(c => new CycleDetail(
            c.Id, enquiry.Id, enquiry.Title, c.Number, c.ChangeIdeaId, ideas[c.ChangeIdeaId],
            cycles.FirstOrDefault(p => p.Id == c.PreviousCycleId) is { } previous ? Link(previous) : null,
            cycles.Where(n => n.PreviousCycleId == c.Id).Select(Link).ToList(),
            c.UnitId, units[c.UnitId], schools[c.SchoolId].Urn, schools[c.SchoolId].Name,
            c.Question, c.Prediction, c.PlanWho, c.PlanWhat, c.PlanWhen, c.PlanWhere, c.StartsOn,
            c.Study is not null,
            team.Detail ? c.WhatHappened : null, team.Detail ? c.Study : null, c.Decision, c.DecidedOn, team.Detail ? c.DecisionNote : null,
            watched.Where(w => w.CycleId == c.Id).Select(w => measures[w.MeasureId])
                .Select(m => new WatchedMeasure(m.Id, m.Name, m.Kind, m.IsTeamMeasure, Chart(m))).ToList(),
            kept.GetValueOrDefault(c.Id, []), team.Detail, team.Edit)).ToList();
    }
}
