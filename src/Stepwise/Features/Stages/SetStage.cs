using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;
using Microsoft.EntityFrameworkCore;

namespace Stepwise.Features.Stages;

/// <summary>Records that a unit entered a stage on a day, and why. Changes are added, never overwritten, so the timeline keeps its history.</summary>
public sealed class SetStage(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<Outcome<StageChangeView>> HandleAsync(int unitId, StageInput input, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return Outcome<StageChangeView>.NotFound();
        }
        if (!await access.CanForUnitAsync(Permission.EditStages, school.Id, unit.Id, ct))
        {
            return Outcome<StageChangeView>.Forbidden();
        }
        var problems = new Problems();
        if (!Codes.TryParse<Stage>(input.Stage, out var stage) || !Enum.IsDefined(stage))
        {
            problems.Add("stage", Text.Clean(input.Stage) is null
                ? "Choose the stage: stabilise, repair, improve or sustain."
                : $"\"{input.Stage!.Trim()}\" is not a stage: choose stabilise, repair, improve or sustain.");
        }
        problems.Require("rationale", input.Rationale, "reason for the stage", 4000)
            .Optional("evidence", input.Evidence, "evidence", 4000);
        var today = clock.Today();
        var from = input.From ?? today;
        if (from > today)
        {
            problems.Add("from", $"The date cannot be in the future (today is {today:d MMMM yyyy}).");
        }
        else if (from.Year < 2000)
        {
            problems.Add("from", "The date must be in 2000 or later.");
        }
        if (!problems.Any)
        {
            var current = await db.StageChanges.Where(c => c.UnitId == unit.Id && c.From <= from)
                .OrderByDescending(c => c.From).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (current?.Stage == stage)
            {
                problems.Add("stage", $"{unit.Name} has been in {stage} since {current.From:d MMMM yyyy}: there is nothing to change.");
            }
        }
        if (problems.Any)
        {
            return Outcome<StageChangeView>.Invalid(problems);
        }
        var change = new StageChange
        {
            SchoolId = school.Id,
            UnitId = unit.Id,
            Stage = stage,
            From = from,
            Rationale = input.Rationale!.Trim(),
            Evidence = Text.Clean(input.Evidence),
            PersonId = db.Scope.PersonId,
            By = await ActingPerson.NameAsync(db, ct),
            RecordedAt = clock.UtcNow(),
        };
        db.StageChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return Outcome<StageChangeView>.Ok(ReadStages.View(change));
    }
}
