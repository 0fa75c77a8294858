using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Rounds;

/// <summary>The rounds' JSON API (tag "Instructional rounds") and the CSV export; the pages under /rounds use the same use cases.</summary>
public static class RoundsApi
{
    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rounds").WithTags("Instructional rounds").RequireAuthorization();
        api.MapGet("", ListAsync)
            .WithSummary("The instructional rounds the caller may see, the most recent first (school=URN for one school's)");
        api.MapPost("", CreateAsync)
            .WithSummary("Plan a round: title, problemOfPractice, heldOn, schoolUrns (several make a network round), lookFors (keys of the current shared language), minimumClassrooms (5 or more), groups [{name, observers: [email]}]");
        api.MapGet("/{roundId:int}", GetAsync)
            .WithSummary("One round: schools, look-fors, groups (observers' names for staff only), classrooms visited, stage and what the caller may do");
        api.MapPost("/{roundId:int}/stage", StageAsync).WithSummary("Move the round one stage on (or back): planned, observing, debrief, closed");
        api.MapPost("/{roundId:int}/notes", NoteAsync)
            .WithSummary("Write a note (observers, while planned or observing): id (a Guid made by the phone), teacherDoing, pupilsDoing, task, yearGroup, subjectArea, tags")
            .WithDescription("Idempotent by id: the same note posted again is stored once and answers 200 with it; a new note answers 201. A note holds no observer, group, class, room or time.");
        api.MapPost("/{roundId:int}/classrooms", ClassroomAsync)
            .WithSummary("One more classroom visited by the caller's group (a leader may name groupId): a count, never which classroom");
        api.MapGet("/{roundId:int}/debrief", DebriefAsync)
            .WithSummary("The debrief: notes (staff only; id, text, year group, subject area, tags), tag and pattern counts (once the minimum of classrooms is visited), prediction, next level of work");
        api.MapPost("/{roundId:int}/patterns", PatternAsync).WithSummary("Name a pattern and sort notes into it: name, description, noteIds");
        api.MapPost("/{roundId:int}/patterns/{patternId:int}/notes", SortAsync).WithSummary("Sort more notes into a pattern: noteIds");
        api.MapPut("/{roundId:int}/prediction", PredictAsync).WithSummary("The prediction: if you were a pupil in these classes, what would you know and be able to do?");
        api.MapPost("/{roundId:int}/next-steps", NextStepAsync)
            .WithSummary("The next level of work: text, and to = plan-action (priorityId, owner, dueOn) or enquiry (teamId, schoolUrn) or none");
        api.MapGet("/{roundId:int}/export.csv", ExportAsync)
            .WithSummary("The round's notes and counts as CSV: no observer, group or time");
        app.MapGet("/api/schools/{urn:int}/rounds", AcrossAsync).WithTags("Instructional rounds").RequireAuthorization()
            .WithSummary("Patterns across the school's rounds of the year: per look-for, the share of notes tagged, for rounds at or over their minimum of classrooms (year=2026/27 for another year)");
        // The same export for the page's link.
        app.MapGet("/rounds/{roundId:int}/export.csv", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<List<ReadRound.RoundRow>>, NotFound>> ListAsync(int? school, ReadRound read, AccessControl access, CancellationToken ct)
    {
        if (school is int urn)
        {
            return await access.FindSchoolAsync(urn, ct) is { } found ? TypedResults.Ok(await read.ListAsync(found.Id, ct)) : TypedResults.NotFound();
        }
        return TypedResults.Ok(await read.ListAsync(null, ct));
    }

    private static async Task<Results<Ok<ReadRound.RoundView>, NotFound>> GetAsync(int roundId, ReadRound read, CancellationToken ct) =>
        await read.OneAsync(roundId, ct) is { } round ? TypedResults.Ok(round) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReadRound.DebriefView>, NotFound>> DebriefAsync(int roundId, ReadRound read, CancellationToken ct) =>
        await read.DebriefAsync(roundId, ct) is { } debrief ? TypedResults.Ok(debrief) : TypedResults.NotFound();

    private static async Task<Results<Created<ReadRound.RoundView>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        RoundInput input, PlanRound plan, ReadRound read, CancellationToken ct) =>
        (await (await plan.CreateAsync(input, ct)).ThenAsync(r => ViewAsync(read, r.Id, ct))).ToCreated(r => $"/api/rounds/{r.Id}");

    private static async Task<Results<Ok<ReadRound.RoundView>, ValidationProblem, NotFound, ForbidHttpResult>> StageAsync(
        int roundId, RoundStageInput input, PlanRound plan, ReadRound read, CancellationToken ct) =>
        (await (await plan.StageAsync(roundId, input, ct)).ThenAsync(r => ViewAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<Created<ReadRound.NoteView>, Ok<ReadRound.NoteView>, ValidationProblem, NotFound, ForbidHttpResult>> NoteAsync(
        int roundId, NoteInput input, TakeNotes notes, CancellationToken ct)
    {
        var outcome = await notes.SaveAsync(roundId, input, ct);
        return outcome.Kind switch
        {
            OutcomeKind.Ok when outcome.Value!.Created => TypedResults.Created($"/api/rounds/{roundId}/debrief", outcome.Value.Note),
            OutcomeKind.Ok => TypedResults.Ok(outcome.Value!.Note),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
            OutcomeKind.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ReadRound.GroupView>, ValidationProblem, NotFound, ForbidHttpResult>> ClassroomAsync(
        int roundId, ClassroomInput input, TakeNotes notes, CancellationToken ct) => (await notes.ClassroomAsync(roundId, input, ct)).ToOk();

    private static async Task<Results<Ok<ReadRound.DebriefView>, ValidationProblem, NotFound, ForbidHttpResult>> PatternAsync(
        int roundId, PatternInput input, DebriefRound debrief, ReadRound read, CancellationToken ct) =>
        (await (await debrief.PatternAsync(roundId, input, ct)).ThenAsync(r => DebriefOfAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadRound.DebriefView>, ValidationProblem, NotFound, ForbidHttpResult>> SortAsync(
        int roundId, int patternId, SortInput input, DebriefRound debrief, ReadRound read, CancellationToken ct) =>
        (await (await debrief.SortAsync(roundId, patternId, input, ct)).ThenAsync(r => DebriefOfAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadRound.DebriefView>, ValidationProblem, NotFound, ForbidHttpResult>> PredictAsync(
        int roundId, PredictionInput input, DebriefRound debrief, ReadRound read, CancellationToken ct) =>
        (await (await debrief.PredictAsync(roundId, input, ct)).ThenAsync(r => DebriefOfAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadRound.DebriefView>, ValidationProblem, NotFound, ForbidHttpResult>> NextStepAsync(
        int roundId, NextStepInput input, DebriefRound debrief, ReadRound read, CancellationToken ct) =>
        (await (await debrief.NextStepAsync(roundId, input, ct)).ThenAsync(r => DebriefOfAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(int roundId, ReadRound read, CancellationToken ct) =>
        await read.DebriefAsync(roundId, ct) is { } debrief
            ? TypedResults.File(RoundCsv.Of(debrief), "text/csv", $"round-{roundId}-{Slug.Of(debrief.Round.Title, 60)}.csv")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ReadRound.AcrossView>, ValidationProblem, NotFound>> AcrossAsync(int urn, string? year, ReadRound read, CancellationToken ct)
    {
        AcademicYear? of = null;
        if (year is not null)
        {
            if (!AcademicYear.TryParse(year, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"The year must read like 2026/27, not \"{year}\"."] });
            }
            of = parsed;
        }
        return await read.AcrossAsync(urn, of, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }

    private static async Task<ReadRound.RoundView> ViewAsync(ReadRound read, int roundId, CancellationToken ct) =>
        await read.OneAsync(roundId, ct) ?? throw new InvalidOperationException($"Round {roundId} was just saved but cannot be read.");

    private static async Task<ReadRound.DebriefView> DebriefOfAsync(ReadRound read, int roundId, CancellationToken ct) =>
        await read.DebriefAsync(roundId, ct) ?? throw new InvalidOperationException($"Round {roundId} was just saved but cannot be read.");
}
