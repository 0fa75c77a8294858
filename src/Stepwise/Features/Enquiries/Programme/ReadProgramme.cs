using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.Schools;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// A school's whole-school programme: each activity of <see cref="WholeSchoolProgramme"/> ticked by the record that
/// shows it happened (with a link to it) or by hand with a note, and the phase the school is in (ADR 0083).
/// </summary>
public sealed class ReadProgramme(AppDbContext db, AccessControl access, TimeProvider clock)
{
    /// <param name="Done">Ticked, by a record or by hand.</param>
    /// <param name="TickedBy">"record" when a record ticks it, "hand" when only a person can.</param>
    /// <param name="Shown">What ticks it: the record's name, or the hand tick's note.</param>
    public sealed record ActivityView(string Key, string Name, string Description, string TickedBy, bool Done, string? Shown, string? Url, DateOnly? On, string? By);

    public sealed record PhaseView(string Key, string Name, string Summary, IReadOnlyList<string> Eef, bool Done, bool Current, IReadOnlyList<ActivityView> Activities);

    /// <param name="Phase">The phase the school is in: the first with an activity not done, or the last when all are.</param>
    /// <param name="CanTick">The reader may tick and untick the activities done by hand (leaders who may change the school's plans).</param>
    public sealed record ProgrammeView(int Urn, string School, string Phase, string PhaseName, bool CanTick, IReadOnlyList<PhaseView> Phases);

    private sealed record Shown(string Text, string? Url, DateOnly? On, string? By = null);

    public async Task<Outcome<ProgrammeView>> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        return school is null ? Outcome<ProgrammeView>.NotFound() : Outcome<ProgrammeView>.Ok(await ViewAsync(school, ct));
    }

    public async Task<ProgrammeView> ViewAsync(School school, CancellationToken ct)
    {
        var records = await RecordsAsync(school, ct);
        var ticks = await db.ProgrammeTicks.AsNoTracking().Where(t => t.SchoolId == school.Id).ToListAsync(ct);
        ActivityView Read(ProgrammeActivity a)
        {
            if (a.TickedBy == ProgrammeRecord.ByHand)
            {
                var tick = ticks.FirstOrDefault(t => t.ActivityKey == a.Key);
                return new ActivityView(a.Key, a.Name, a.Description, "hand", tick is not null, tick?.Note, null, tick?.On, tick?.By);
            }
            var shown = records.GetValueOrDefault(a.TickedBy);
            return new ActivityView(a.Key, a.Name, a.Description, "record", shown is not null, shown?.Text, shown?.Url, shown?.On, shown?.By);
        }
        var activities = WholeSchoolProgramme.Phases.SelectMany(p => p.Activities).ToDictionary(a => a.Key, Read);
        var current = WholeSchoolProgramme.PhaseOf(a => activities[a.Key].Done);
        var phases = WholeSchoolProgramme.Phases
            .Select(p => new PhaseView(p.Key, p.Name, p.Summary, p.Eef, p.Activities.All(a => activities[a.Key].Done), p == current,
                p.Activities.Select(a => activities[a.Key]).ToList()))
            .ToList();
        var canTick = await access.CanAsync(Permission.EditPlans, school.Id, ct);
        return new ProgrammeView(school.Urn, school.Name, current.Key, current.Name, canTick, phases);
    }

    /// <summary>For each kind of record, the one that ticks its activity at this school (the first, or the most recent where that says more).</summary>
    private async Task<Dictionary<ProgrammeRecord, Shown>> RecordsAsync(School school, CancellationToken ct)
    {
        var id = school.Id;
        var today = clock.Today();
        var found = new Dictionary<ProgrammeRecord, Shown>();
        var teams = await db.LearningTeams.AsNoTracking()
            .Where(t => t.ArchivedAt == null && db.LearningTeamUnits.Any(u => u.TeamId == t.Id && u.SchoolId == id))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.IsImprovementTeam, t.CreatedAt, Network = db.LearningTeamUnits.Any(u => u.TeamId == t.Id && u.SchoolId != id) })
            .ToListAsync(ct);
        if (teams.FirstOrDefault(t => t.IsImprovementTeam) is { } improvement)
        {
            found[ProgrammeRecord.ImprovementTeam] = new($"{improvement.Name} (the improvement team)", $"/teams/{improvement.Id}", DateOnly.FromDateTime(improvement.CreatedAt));
        }
        var first = teams.FirstOrDefault(t => !t.IsImprovementTeam) ?? teams.FirstOrDefault();
        if (first is not null)
        {
            var others = teams.Count - 1;
            found[ProgrammeRecord.LearningTeam] = new(others == 0 ? first.Name : $"{first.Name} and {others} more", others == 0 ? $"/teams/{first.Id}" : "/teams",
                DateOnly.FromDateTime(first.CreatedAt));
        }
        if (teams.FirstOrDefault(t => t.Network) is { } network)
        {
            found[ProgrammeRecord.Network] = new($"{network.Name} (a network)", $"/teams/{network.Id}", DateOnly.FromDateTime(network.CreatedAt));
        }

        var yearAgo = today.AddYears(-1);
        var judged = await db.Judgements.AsNoTracking()
            .Where(j => j.SchoolId == id && j.Source == JudgementSource.Self && j.JudgedOn > yearAgo && j.JudgedOn <= today)
            .OrderByDescending(j => j.JudgedOn).Select(j => new { j.JudgedOn, j.By }).FirstOrDefaultAsync(ct);
        if (judged is not null)
        {
            found[ProgrammeRecord.SelfEvaluation] = new("The school's self-evaluation", $"/schools/{school.Urn}/self-evaluation", judged.JudgedOn, judged.By);
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.SchoolId == id).OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.StartsOn, p.CreatedBy }).FirstOrDefaultAsync(ct);
        if (plan is not null)
        {
            found[ProgrammeRecord.Plan] = new(plan.Title, $"/plans/{plan.Id}", plan.StartsOn, plan.CreatedBy);
        }

        var cycles = db.PdsaCycles.AsNoTracking().Where(c => c.SchoolId == id && c.StartsOn <= today)
            .Join(db.Enquiries, c => c.EnquiryId, e => e.Id, (c, e) => new { c.Id, c.Number, c.EnquiryId, e.Title, c.StartsOn, c.PreviousCycleId, c.Decision, c.DecidedOn });
        if (await cycles.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).FirstOrDefaultAsync(ct) is { } firstCycle)
        {
            found[ProgrammeRecord.FirstCycle] = new($"Cycle {firstCycle.Number} of \"{firstCycle.Title}\"", $"/enquiries/{firstCycle.EnquiryId}", firstCycle.StartsOn);
        }
        if (await cycles.Where(c => c.PreviousCycleId != null).OrderBy(c => c.StartsOn).ThenBy(c => c.Id).FirstOrDefaultAsync(ct) is { } further)
        {
            found[ProgrammeRecord.FurtherCycle] = new($"Cycle {further.Number} of \"{further.Title}\", following an earlier cycle", $"/enquiries/{further.EnquiryId}", further.StartsOn);
        }
        var success = await cycles
            .Where(c => c.Decision == CycleDecision.Adopt && db.Evidence.Any(e => e.OwnerKind == EvidenceOwner.Cycle && e.OwnerId == c.Id))
            .OrderBy(c => c.DecidedOn).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (success is not null)
        {
            found[ProgrammeRecord.SharedSuccess] = new($"Cycle {success.Number} of \"{success.Title}\", adopted with its evidence", $"/enquiries/{success.EnquiryId}", success.DecidedOn);
        }
        var round = await db.Rounds.AsNoTracking()
            .Where(r => (r.Stage == Rounds.RoundStage.Debrief || r.Stage == Rounds.RoundStage.Closed) && db.RoundSchools.Any(s => s.RoundId == r.Id && s.SchoolId == id))
            .OrderBy(r => r.HeldOn).ThenBy(r => r.Id).Select(r => new { r.Id, r.Title, r.HeldOn, r.CreatedBy }).FirstOrDefaultAsync(ct);
        if (round is not null)
        {
            found[ProgrammeRecord.Round] = new($"The round \"{round.Title}\"", $"/rounds/{round.Id}", round.HeldOn, round.CreatedBy);
        }
        return found;
    }
}
