using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// Plans a PDSA cycle on one of the enquiry's change ideas, and changes its Plan, Do and Study. The rules (ADR 0085):
/// the idea is a current change idea of the same enquiry; the cycle runs in a unit of one of the team's schools; it
/// watches at least one of the enquiry's measures; a cycle that follows another continues an adapted idea (same idea)
/// or spreads an adopted one to another unit; the study stays once the decision rests on it.
/// </summary>
public sealed class SaveCycle(AppDbContext db, EnquiryAccess access, TimeProvider clock)
{
    public async Task<Outcome<PdsaCycle>> PlanAsync(int enquiryId, CycleInput input, CancellationToken ct)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, team))
        {
            return Outcome<PdsaCycle>.NotFound();
        }
        if (!team.Edit)
        {
            return Outcome<PdsaCycle>.Forbidden();
        }
        var problems = new Problems()
            .Require("question", input.Question, "question the cycle asks", 1000)
            .Require("prediction", input.Prediction, "prediction", 1000);
        CheckPlan(problems, input.PlanWho, input.PlanWhat, input.PlanWhen, input.PlanWhere);
        problems.Optional("whatHappened", input.WhatHappened, "account of what happened", 4000)
            .Optional("study", input.Study, "study", 4000);

        DriverNode? idea = null;
        if (input.ChangeIdeaId is not int ideaId)
        {
            problems.Add("changeIdeaId", "Choose the change idea the cycle tests.");
        }
        else
        {
            idea = await db.DriverNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == ideaId, ct);
            if (idea is null || idea.EnquiryId != enquiry.Id)
            {
                problems.Add("changeIdeaId", $"The change idea must be one of this enquiry's: {ideaId} is not on its driver diagram.");
                idea = null;
            }
            else if (idea.Kind != DriverNodeKind.ChangeIdea)
            {
                problems.Add("changeIdeaId", $"“{idea.Text}” is a driver, not a change idea: a cycle tests a change idea.");
                idea = null;
            }
            else if (idea.RemovedAt is not null)
            {
                problems.Add("changeIdeaId", $"“{idea.Text}” has been taken off the driver diagram.");
                idea = null;
            }
        }
        var unit = await UnitAsync(problems, input.UnitId, team, ct);
        if (input.StartsOn is null)
        {
            problems.Add("startsOn", "Enter the date the cycle starts.");
        }
        var measures = await MeasuresAsync(problems, input.MeasureIds, enquiry.Id, ct);

        if (input.PreviousCycleId is int previousId)
        {
            var previous = await db.PdsaCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == previousId && c.EnquiryId == enquiry.Id, ct);
            if (previous is null)
            {
                problems.Add("previousCycleId", $"The cycle it follows must be a cycle of this enquiry: {previousId} is not.");
            }
            else
            {
                await CheckFollowsAsync(problems, previous, idea, unit, input.StartsOn, ct);
            }
        }
        if (problems.Any)
        {
            return Outcome<PdsaCycle>.Invalid(problems);
        }

        var cycle = new PdsaCycle
        {
            TrustId = enquiry.TrustId,
            EnquiryId = enquiry.Id,
            Number = 1 + (await db.PdsaCycles.Where(c => c.EnquiryId == enquiry.Id).MaxAsync(c => (int?)c.Number, ct) ?? 0),
            ChangeIdeaId = idea!.Id,
            PreviousCycleId = input.PreviousCycleId,
            UnitId = unit!.Value.Id,
            SchoolId = unit.Value.SchoolId,
            Question = input.Question!.Trim(),
            Prediction = input.Prediction!.Trim(),
            PlanWho = Text.Clean(input.PlanWho),
            PlanWhat = Text.Clean(input.PlanWhat),
            PlanWhen = Text.Clean(input.PlanWhen),
            PlanWhere = Text.Clean(input.PlanWhere),
            StartsOn = input.StartsOn!.Value,
            WhatHappened = Text.Clean(input.WhatHappened),
            Study = Text.Clean(input.Study),
            CreatedAt = clock.UtcNow(),
        };
        db.PdsaCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        db.CycleMeasures.AddRange(measures.Select(m => new CycleMeasure { TrustId = enquiry.TrustId, CycleId = cycle.Id, MeasureId = m }));
        await db.SaveChangesAsync(ct);
        return Outcome<PdsaCycle>.Ok(cycle);
    }

    /// <summary>Changes the Plan, the Do or the Study: a field left out stays as it is, an empty text clears it.</summary>
    public async Task<Outcome<PdsaCycle>> UpdateAsync(int enquiryId, int cycleId, CycleChanges changes, CancellationToken ct)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, team))
        {
            return Outcome<PdsaCycle>.NotFound();
        }
        var cycle = await db.PdsaCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.EnquiryId == enquiry.Id, ct);
        if (cycle is null)
        {
            return Outcome<PdsaCycle>.NotFound();
        }
        if (!team.Edit)
        {
            return Outcome<PdsaCycle>.Forbidden();
        }
        var problems = new Problems();
        if (changes.Question is not null)
        {
            problems.Require("question", changes.Question, "question the cycle asks", 1000);
        }
        if (changes.Prediction is not null)
        {
            problems.Require("prediction", changes.Prediction, "prediction", 1000);
        }
        CheckPlan(problems, changes.PlanWho, changes.PlanWhat, changes.PlanWhen, changes.PlanWhere);
        problems.Optional("whatHappened", changes.WhatHappened, "account of what happened", 4000)
            .Optional("study", changes.Study, "study", 4000);
        var unit = changes.UnitId is null ? null : await UnitAsync(problems, changes.UnitId, team, ct);
        var measures = changes.MeasureIds is null ? null : await MeasuresAsync(problems, changes.MeasureIds, enquiry.Id, ct);
        if (changes.Study is not null && Text.Clean(changes.Study) is null && cycle.Decision is not null)
        {
            problems.Add("study", $"The decision to {Codes.Of(cycle.Decision.Value)} rests on the study, so the study cannot be cleared; correct it instead.");
        }
        if (changes.StartsOn is DateOnly startsOn && cycle.DecidedOn is DateOnly decidedOn && startsOn > decidedOn)
        {
            problems.Add("startsOn", $"The cycle cannot start after its decision ({Display.Date(decidedOn)}).");
        }
        if (problems.Any)
        {
            return Outcome<PdsaCycle>.Invalid(problems);
        }

        if (changes.Question is not null)
        {
            cycle.Question = changes.Question.Trim();
        }
        if (changes.Prediction is not null)
        {
            cycle.Prediction = changes.Prediction.Trim();
        }
        cycle.PlanWho = changes.PlanWho is null ? cycle.PlanWho : Text.Clean(changes.PlanWho);
        cycle.PlanWhat = changes.PlanWhat is null ? cycle.PlanWhat : Text.Clean(changes.PlanWhat);
        cycle.PlanWhen = changes.PlanWhen is null ? cycle.PlanWhen : Text.Clean(changes.PlanWhen);
        cycle.PlanWhere = changes.PlanWhere is null ? cycle.PlanWhere : Text.Clean(changes.PlanWhere);
        cycle.WhatHappened = changes.WhatHappened is null ? cycle.WhatHappened : Text.Clean(changes.WhatHappened);
        cycle.Study = changes.Study is null ? cycle.Study : Text.Clean(changes.Study);
        cycle.StartsOn = changes.StartsOn ?? cycle.StartsOn;
        if (unit is { } runsIn)
        {
            cycle.UnitId = runsIn.Id;
            cycle.SchoolId = runsIn.SchoolId;
        }
        if (measures is not null)
        {
            var watched = await db.CycleMeasures.Where(m => m.CycleId == cycle.Id).ToListAsync(ct);
            db.CycleMeasures.RemoveRange(watched.Where(w => !measures.Contains(w.MeasureId)));
            db.CycleMeasures.AddRange(measures.Where(m => watched.All(w => w.MeasureId != m))
                .Select(m => new CycleMeasure { TrustId = cycle.TrustId, CycleId = cycle.Id, MeasureId = m }));
        }
        await db.SaveChangesAsync(ct);
        return Outcome<PdsaCycle>.Ok(cycle);
    }

    private static void CheckPlan(Problems problems, string? who, string? what, string? when, string? where) => problems
        .Optional("planWho", who, "plan's who", 500)
        .Optional("planWhat", what, "plan's what", 2000)
        .Optional("planWhen", when, "plan's when", 500)
        .Optional("planWhere", where, "plan's where", 500);

    /// <summary>The unit, when it is one of the team's schools' units.</summary>
    private async Task<(int Id, int SchoolId)?> UnitAsync(Problems problems, int? unitId, TeamAccess team, CancellationToken ct)
    {
        if (unitId is not int id)
        {
            problems.Add("unitId", "Choose the unit the cycle runs in.");
            return null;
        }
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.SchoolId, u.ArchivedAt }).FirstOrDefaultAsync(ct);
        if (unit is null || !team.SchoolIds.Contains(unit.SchoolId) || unit.ArchivedAt is not null)
        {
            problems.Add("unitId", $"The cycle must run in a unit of one of the team's schools: unit {id} is not one.");
            return null;
        }
        return (unit.Id, unit.SchoolId);
    }

    private async Task<List<int>> MeasuresAsync(Problems problems, List<int> measureIds, int enquiryId, CancellationToken ct)
    {
        var wanted = measureIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            problems.Add("measureIds", "Choose at least one of the enquiry's measures for the cycle to watch.");
            return [];
        }
        var found = await db.EnquiryMeasures.AsNoTracking().Where(m => m.EnquiryId == enquiryId && m.RemovedAt == null && wanted.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        var unknown = wanted.Except(found).ToList();
        if (unknown.Count > 0)
        {
            problems.Add("measureIds", $"A cycle watches the enquiry's own measures: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not one of them.");
        }
        return found;
    }

    /// <summary>
    /// A cycle follows an adapted cycle (the same idea tried again, once) or an adopted one (the same idea spread to
    /// another unit or school), and starts no earlier than that decision.
    /// </summary>
    private async Task CheckFollowsAsync(Problems problems, PdsaCycle previous, DriverNode? idea, (int Id, int SchoolId)? unit, DateOnly? startsOn, CancellationToken ct)
    {
        switch (previous.Decision)
        {
            case null:
                problems.Add("previousCycleId", $"Cycle {previous.Number} has no decision yet: decide to adapt or adopt it before planning the cycle that follows.");
                return;
            case CycleDecision.Abandon:
                problems.Add("previousCycleId", $"Cycle {previous.Number} was abandoned: a cycle follows an adapted or adopted one.");
                return;
            case CycleDecision.Adapt when await db.PdsaCycles.AnyAsync(c => c.PreviousCycleId == previous.Id, ct):
                problems.Add("previousCycleId", $"Cycle {previous.Number} already has its next cycle.");
                return;
            case CycleDecision.Adopt when unit is { } runsIn && runsIn.Id == previous.UnitId:
                problems.Add("unitId", $"Cycle {previous.Number} was adopted in this unit: a cycle after it spreads the idea to another unit or school.");
                break;
        }
        if (idea is not null && idea.Id != previous.ChangeIdeaId)
        {
            problems.Add("changeIdeaId", $"A cycle that follows cycle {previous.Number} tests the same change idea.");
        }
        if (startsOn is DateOnly start && previous.DecidedOn is DateOnly decided && start < decided)
        {
            problems.Add("startsOn", $"The cycle cannot start before cycle {previous.Number}'s decision ({Display.Date(decided)}).");
        }
    }
}
