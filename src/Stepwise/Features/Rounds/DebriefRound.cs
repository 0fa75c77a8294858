using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Plans;

namespace Stepwise.Features.Rounds;

/// <summary>A pattern the debrief names, and the notes sorted into it.</summary>
public sealed class PatternInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<Guid> NoteIds { get; set; } = [];
}

public sealed class SortInput
{
    public List<Guid> NoteIds { get; set; } = [];
}

public sealed class PredictionInput
{
    public string? Prediction { get; set; }
}

/// <summary>
/// The next level of work, and where it goes: "plan-action" (an action under a priority of the school's plan, with its
/// owner and due date), "enquiry" (an enquiry opened for a learning team at one of the round's schools) or nothing more.
/// </summary>
public sealed class NextStepInput
{
    public string? Text { get; set; }
    public string? To { get; set; }
    public int? PriorityId { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? TeamId { get; set; }
    public int? SchoolUrn { get; set; }
}

/// <summary>
/// The debrief of a round, by those who lead it, while it is at its debrief stage: patterns named and notes sorted
/// into them, the prediction, and the next level of work — made an action in a school's plan (through the plan's own
/// <see cref="SaveAction"/>) or an enquiry for a learning team (through <see cref="SaveEnquiry"/>).
/// </summary>
public sealed class DebriefRound(AppDbContext db, RoundAccess rounds, SaveAction actions, ReadPlans plans, SaveEnquiry enquiries, TimeProvider clock)
{
    /// <summary>A place the next level of work can go: a priority of a school's plan, or a learning team.</summary>
    public sealed record Choice(int Id, string Label);

    /// <summary>Where the next level of work can go: the priorities of the round's schools' plans, and the learning teams at those schools.</summary>
    public sealed record NextStepChoices(IReadOnlyList<Choice> Priorities, IReadOnlyList<Choice> Teams);

    /// <summary>The choices for the debrief's next-level-of-work form, for a round at these schools.</summary>
    public async Task<NextStepChoices> ChoicesAsync(IReadOnlyList<int> urns, CancellationToken ct)
    {
        var priorities = await db.Priorities.AsNoTracking()
            .Join(db.Plans, p => p.PlanId, pl => pl.Id, (p, pl) => new { p.Id, p.Title, Plan = pl.Title, pl.SchoolId })
            .Join(db.Schools.Where(s => urns.Contains(s.Urn)), p => p.SchoolId, s => s.Id, (p, s) => new { p.Id, p.Title, p.Plan, School = s.Name })
            .ToListAsync(ct);
        var teams = await db.LearningTeams.AsNoTracking().Where(t => t.ArchivedAt == null
                && db.LearningTeamUnits.Any(u => u.TeamId == t.Id && db.Schools.Any(s => s.Id == u.SchoolId && urns.Contains(s.Urn))))
            .OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        return new NextStepChoices(
            priorities.OrderBy(p => p.School).ThenBy(p => p.Plan).ThenBy(p => p.Id)
                .Select(p => new Choice(p.Id, $"{p.Title} — {p.Plan}{(urns.Count > 1 ? $", {p.School}" : "")}")).ToList(),
            teams);
    }

    public Task<Outcome<Round>> PatternAsync(int roundId, PatternInput input, CancellationToken ct) =>
        ChangeAsync(roundId, async (round, problems) =>
        {
            problems.Require("name", input.Name, "pattern's name", 200).Optional("description", input.Description, "pattern's description", 2000);
            var notes = await NotesOfAsync(round.Id, input.NoteIds, problems, ct);
            if (Text.Clean(input.Name) is string name && await db.RoundPatterns.AnyAsync(p => p.RoundId == round.Id && p.Name == name, ct))
            {
                problems.Add("name", $"The round already has a pattern called \"{name}\".");
            }
            if (problems.Any)
            {
                return;
            }
            var order = await db.RoundPatterns.Where(p => p.RoundId == round.Id).Select(p => (int?)p.Order).MaxAsync(ct) ?? -1;
            var pattern = new RoundPattern { TrustId = round.TrustId, RoundId = round.Id, Name = input.Name!.Trim(), Description = Text.Clean(input.Description), Order = order + 1 };
            db.RoundPatterns.Add(pattern);
            await db.SaveChangesAsync(ct);
            db.RoundPatternNotes.AddRange(notes.Select(n => new RoundPatternNote { TrustId = round.TrustId, PatternId = pattern.Id, NoteId = n }));
        }, ct);

    /// <summary>Sorts more notes into a pattern (a note already in it stays once).</summary>
    public Task<Outcome<Round>> SortAsync(int roundId, int patternId, SortInput input, CancellationToken ct) =>
        ChangeAsync(roundId, async (round, problems) =>
        {
            var pattern = await db.RoundPatterns.FirstOrDefaultAsync(p => p.Id == patternId && p.RoundId == round.Id, ct);
            if (pattern is null)
            {
                problems.Add("patternId", "The pattern must be one of this round's.");
                return;
            }
            var notes = await NotesOfAsync(round.Id, input.NoteIds, problems, ct);
            if (input.NoteIds.Count == 0)
            {
                problems.Add("noteIds", "Choose the notes to sort into the pattern.");
            }
            var already = await db.RoundPatternNotes.Where(p => p.PatternId == pattern.Id).Select(p => p.NoteId).ToListAsync(ct);
            db.RoundPatternNotes.AddRange(notes.Except(already).Select(n => new RoundPatternNote { TrustId = round.TrustId, PatternId = pattern.Id, NoteId = n }));
        }, ct);

    public Task<Outcome<Round>> PredictAsync(int roundId, PredictionInput input, CancellationToken ct) =>
        ChangeAsync(roundId, (round, problems) =>
        {
            problems.Optional("prediction", input.Prediction, "prediction", 4000);
            if (!problems.Any)
            {
                round.Prediction = Text.Clean(input.Prediction);
            }
            return Task.CompletedTask;
        }, ct);

    public Task<Outcome<Round>> NextStepAsync(int roundId, NextStepInput input, CancellationToken ct) =>
        ChangeAsync(roundId, async (round, problems) =>
        {
            problems.Require("text", input.Text, "next level of work", 1000);
            if (problems.Any)
            {
                return;
            }
            var text = input.Text!.Trim();
            var schools = await db.RoundSchools.Where(s => s.RoundId == round.Id).Select(s => s.SchoolId).ToListAsync(ct);
            var step = new RoundNextStep { TrustId = round.TrustId, RoundId = round.Id, Text = text, CreatedAt = clock.UtcNow() };
            switch (Text.Clean(input.To)?.ToLowerInvariant())
            {
                case null or "" or "none":
                    break;
                case "plan-action":
                    if (input.PriorityId is not int priorityId || await plans.FindPriorityAsync(priorityId, ct) is not var (_, _, school) || !schools.Contains(school.Id))
                    {
                        problems.Add("priorityId", "Choose a priority of the plan of one of the round's schools.");
                        return;
                    }
                    var action = await actions.AddAsync(priorityId, new ActionInput { Title = text.Length > 300 ? text[..300] : text, Owner = input.Owner, DueOn = input.DueOn }, ct);
                    if (!Passed(action, problems))
                    {
                        return;
                    }
                    step.PlanActionId = action.Value!.Id;
                    break;
                case "enquiry":
                    var urn = input.SchoolUrn ?? (schools.Count == 1 ? await db.Schools.Where(s => s.Id == schools[0]).Select(s => s.Urn).FirstAsync(ct) : null);
                    if (urn is null || !await db.Schools.AnyAsync(s => s.Urn == urn && schools.Contains(s.Id), ct))
                    {
                        problems.Add("schoolUrn", "Choose which of the round's schools the enquiry is at.");
                        return;
                    }
                    if (input.TeamId is not int teamId)
                    {
                        problems.Add("teamId", "Choose the learning team that will take the enquiry on.");
                        return;
                    }
                    var enquiry = await enquiries.CreateAsync(teamId, new EnquiryInput
                    {
                        Title = text.Length > 200 ? text[..200] : text, SchoolUrn = urn, ProblemOfPractice = round.ProblemOfPractice, Aim = text.Length > 500 ? text[..500] : text,
                    }, ct);
                    if (!Passed(enquiry, problems))
                    {
                        return;
                    }
                    step.EnquiryId = enquiry.Value!.Id;
                    break;
                default:
                    problems.Add("to", "Say where the next level of work goes: plan-action, enquiry or none.");
                    return;
            }
            db.RoundNextSteps.Add(step);
        }, ct);

    /// <summary>Whether another feature's use case stored its record; its problems (or refusal) are passed on otherwise.</summary>
    private static bool Passed<T>(Outcome<T> outcome, Problems problems)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return true;
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors)
                {
                    foreach (var message in messages)
                    {
                        problems.Add(field is "title" or "aim" ? "text" : field, message);
                    }
                }
                return false;
            default:
                problems.Add("", "You may not add to that plan or learning team: its leaders can.");
                return false;
        }
    }

    private async Task<List<Guid>> NotesOfAsync(int roundId, List<Guid> noteIds, Problems problems, CancellationToken ct)
    {
        var ids = noteIds.Distinct().ToList();
        var found = await db.RoundNotes.Where(n => n.RoundId == roundId && ids.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct);
        if (found.Count != ids.Count)
        {
            problems.Add("noteIds", "Every note sorted into a pattern must be one of this round's.");
        }
        return found;
    }

    /// <summary>Loads the round, checks the person leads it and it is at its debrief, applies the change and saves it in one transaction.</summary>
    private async Task<Outcome<Round>> ChangeAsync(int roundId, Func<Round, Problems, Task> change, CancellationToken ct)
    {
        if (await rounds.ForRoundAsync(roundId, ct) is not { } rights)
        {
            return Outcome<Round>.NotFound();
        }
        if (!rights.Lead)
        {
            return Outcome<Round>.Forbidden();
        }
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId, ct);
        var problems = new Problems();
        if (round.Stage != RoundStage.Debrief)
        {
            problems.Add("", round.Stage == RoundStage.Closed
                ? "The round is closed: its debrief stays as it was agreed."
                : "Move the round to its debrief first: patterns, the prediction and the next level of work come once the observing is done.");
            return Outcome<Round>.Invalid(problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await change(round, problems);
        if (problems.Any)
        {
            return Outcome<Round>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Round>.Ok(round);
    }
}
