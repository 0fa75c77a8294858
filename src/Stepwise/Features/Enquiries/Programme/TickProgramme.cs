using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Enquiries;

/// <param name="Activity">The activity's key ("instructional-rounds").</param>
/// <param name="Ticked">True to tick it, false to take the tick off.</param>
/// <param name="Note">What shows it happened (required to tick).</param>
/// <param name="On">When it happened (default today; not in the future).</param>
public sealed class ProgrammeTickInput
{
    public string? Activity { get; set; }
    public bool Ticked { get; set; } = true;
    public string? Note { get; set; }
    public DateOnly? On { get; set; }
}

/// <summary>
/// Ticks (or unticks) an activity of a school's whole-school programme by hand, with a note: only the activities no
/// record in Stepwise can show (ADR 0083), and only by leaders who may change the school's plans.
/// </summary>
public sealed class TickProgramme(AppDbContext db, AccessControl access, ReadProgramme read, TimeProvider clock)
{
    public async Task<Outcome<ReadProgramme.ProgrammeView>> HandleAsync(int urn, ProgrammeTickInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<ReadProgramme.ProgrammeView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<ReadProgramme.ProgrammeView>.Forbidden();
        }
        var problems = new Problems();
        var activity = WholeSchoolProgramme.Activity(input.Activity);
        if (activity is null)
        {
            problems.Add("activity", $"\"{input.Activity}\" is not an activity of the programme. The activities are: "
                + string.Join(", ", WholeSchoolProgramme.Phases.SelectMany(p => p.Activities).Select(a => a.Key)) + ".");
        }
        else if (activity.TickedBy != ProgrammeRecord.ByHand)
        {
            problems.Add("activity", $"\"{activity.Name}\" is ticked by its record in Stepwise, not by hand: {Needs(activity.TickedBy)}");
        }
        var on = input.On ?? clock.Today();
        if (input.Ticked)
        {
            problems.Require("note", input.Note, "note saying what shows it happened", 1000);
            if (on > clock.Today())
            {
                problems.Add("on", "The date cannot be in the future: tick an activity once it has happened.");
            }
        }
        if (problems.Any)
        {
            return Outcome<ReadProgramme.ProgrammeView>.Invalid(problems);
        }
        var tick = await db.ProgrammeTicks.FirstOrDefaultAsync(t => t.SchoolId == school.Id && t.ActivityKey == activity!.Key, ct);
        if (!input.Ticked)
        {
            if (tick is not null)
            {
                db.ProgrammeTicks.Remove(tick);
            }
        }
        else
        {
            if (tick is null)
            {
                tick = new ProgrammeTick { SchoolId = school.Id, ActivityKey = activity!.Key, Note = "", By = "" };
                db.ProgrammeTicks.Add(tick);
            }
            tick.Note = input.Note!.Trim();
            tick.On = on;
            tick.TickedAt = clock.UtcNow();
            tick.By = await db.Users.Where(p => p.Id == access.PersonId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "the system";
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ReadProgramme.ProgrammeView>.Ok(await read.ViewAsync(school, ct));
    }

    /// <summary>What record ticks an activity, in words.</summary>
    public static string Needs(ProgrammeRecord record) => record switch
    {
        ProgrammeRecord.ImprovementTeam => "mark one of the school's learning teams as its improvement team.",
        ProgrammeRecord.SelfEvaluation => "record the school's own self-evaluation (it counts for twelve months).",
        ProgrammeRecord.Plan => "write the school's improvement plan.",
        ProgrammeRecord.LearningTeam => "form a learning team working on a unit of the school.",
        ProgrammeRecord.FirstCycle => "start a PDSA cycle at the school.",
        ProgrammeRecord.SharedSuccess => "adopt a cycle's change idea at the school and attach its evidence.",
        ProgrammeRecord.FurtherCycle => "start a cycle that follows an earlier one.",
        ProgrammeRecord.Network => "form a learning team with units at this school and another school of the trust.",
        ProgrammeRecord.Round => "hold an instructional round at the school and take it to its debrief.",
        _ => "tick it by hand with a note.",
    };
}
