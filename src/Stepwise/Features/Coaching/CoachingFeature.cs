using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Coaching;

/// <summary>
/// Coaching (issue 20): leaders pair teachers with coaches; the two agree one small step at a time, check back and
/// write notes that only they can open; leaders see counts and cadence. The pages under /coaching and
/// /schools/{urn}/coaching use the same use cases as the API.
/// </summary>
public static class CoachingFeature
{
    public static IServiceCollection AddCoaching(this IServiceCollection services) => services
        .AddScoped<ReadCoachingPair>()
        .AddScoped<WriteCoaching>()
        .AddScoped<ArrangeCoaching>()
        .AddScoped<ReadCoachingOverview>();

    public static IEndpointRouteBuilder MapCoachingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coaching").WithTags("Coaching").RequireAuthorization();
        api.MapGet("/pairs", MineAsync)
            .WithSummary("My coaching: the pairs the caller is in, as teacher or coach, each with its current step and check-back day");
        api.MapGet("/pairs/{pairId:int}", PairAsync)
            .WithSummary("A coaching pair's content: current step, earlier steps, check-backs, notes and the trust's step library (the teacher and the coach only)")
            .WithDescription("Anyone else — school and trust leaders and administrators included — gets 404: the pair's existence is not confirmed.");
        api.MapGet("/pairs/{pairId:int}/export.csv", ExportAsync)
            .WithSummary("The pair's steps, check-backs and notes as CSV (the teacher and the coach only; 404 for anyone else)");
        api.MapPost("/pairs/{pairId:int}/steps", AgreeStepAsync)
            .WithSummary("Agree the pair's next step: libraryStepId (a step of the trust's current library) or title in your own words, detail, checkBackOn")
            .WithDescription("Refused while another step is being worked on: a check-back that secures it or sets it aside closes it first.");
        api.MapPut("/pairs/{pairId:int}/steps/{stepId:int}", ChangeStepAsync)
            .WithSummary("Change a working step's words or move its check-back day (the pair only)");
        api.MapPost("/pairs/{pairId:int}/steps/{stepId:int}/check-backs", CheckBackAsync)
            .WithSummary("Record a check-back on the current step: note, outcome (working, secure or set-aside), heldOn, nextCheckBackOn when it is kept working");
        api.MapPost("/pairs/{pairId:int}/notes", WriteNoteAsync).WithSummary("Write a note in the pair's record (the pair only)");
        api.MapPut("/pairs/{pairId:int}/notes/{noteId:int}", ChangeNoteAsync).WithSummary("Change a note (its writer only)");
        api.MapPost("/pairs/{pairId:int}/end", EndAsync)
            .WithSummary("End a coaching pair today (a leader who may arrange coaching at its school); the record stays with the two");
        api.MapGet("/schools/{urn:int}", SchoolAsync)
            .WithSummary("A school's coaching for its leaders: who is paired with whom (names and dates) and counts, never content")
            .WithDescription($"Step and check-back counts show only when the school has at least {CoachingRules.MinimumPairsForCounts} active pairs; there is no per-pair or per-teacher figure.");
        api.MapPost("/schools/{urn:int}/pairs", ArrangeAsync)
            .WithSummary("Pair a teacher with a coach at the school: teacher and coach (email addresses of people with a role at the school or across the trust), startedOn");
        api.MapGet("/overview", OverviewAsync)
            .WithSummary("The coaching overview per school the caller may arrange coaching at: counts and cadence only (no trust total)");
        return app;
    }

    public sealed record SchoolCoaching(ReadCoachingOverview.SchoolOverview Overview, List<ArrangeCoaching.ArrangedPair> Pairs);

    private static async Task<Ok<List<ReadCoachingPair.PairRow>>> MineAsync(ReadCoachingPair read, CancellationToken ct) => TypedResults.Ok(await read.MineAsync(ct));

    private static async Task<Results<Ok<ReadCoachingPair.PairView>, NotFound>> PairAsync(int pairId, ReadCoachingPair read, CancellationToken ct) =>
        await read.OneAsync(pairId, ct) is { } pair ? TypedResults.Ok(pair) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(int pairId, ReadCoachingPair read, CancellationToken ct) =>
        await read.CsvAsync(pairId, ct) is var (bytes, name) ? TypedResults.File(bytes, "text/csv; charset=utf-8", name) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReadCoachingPair.PairView>, ValidationProblem, NotFound, ForbidHttpResult>> AgreeStepAsync(
        int pairId, StepInput input, WriteCoaching write, ReadCoachingPair read, CancellationToken ct) =>
        (await (await write.AgreeStepAsync(pairId, input, ct)).ThenAsync(_ => ViewAsync(read, pairId, ct))).ToOk();

    private static async Task<Results<Ok<ReadCoachingPair.PairView>, ValidationProblem, NotFound, ForbidHttpResult>> ChangeStepAsync(
        int pairId, int stepId, StepInput input, WriteCoaching write, ReadCoachingPair read, CancellationToken ct) =>
        (await (await write.ChangeStepAsync(pairId, stepId, input, ct)).ThenAsync(_ => ViewAsync(read, pairId, ct))).ToOk();

    private static async Task<Results<Ok<ReadCoachingPair.PairView>, ValidationProblem, NotFound, ForbidHttpResult>> CheckBackAsync(
        int pairId, int stepId, CheckBackInput input, WriteCoaching write, ReadCoachingPair read, CancellationToken ct) =>
        (await (await write.CheckBackAsync(pairId, stepId, input, ct)).ThenAsync(_ => ViewAsync(read, pairId, ct))).ToOk();

    private static async Task<Results<Ok<ReadCoachingPair.PairView>, ValidationProblem, NotFound, ForbidHttpResult>> WriteNoteAsync(
        int pairId, NoteInput input, WriteCoaching write, ReadCoachingPair read, CancellationToken ct) =>
        (await (await write.WriteNoteAsync(pairId, input, ct)).ThenAsync(_ => ViewAsync(read, pairId, ct))).ToOk();

    private static async Task<Results<Ok<ReadCoachingPair.PairView>, ValidationProblem, NotFound, ForbidHttpResult>> ChangeNoteAsync(
        int pairId, int noteId, NoteInput input, WriteCoaching write, ReadCoachingPair read, CancellationToken ct) =>
        (await (await write.ChangeNoteAsync(pairId, noteId, input, ct)).ThenAsync(_ => ViewAsync(read, pairId, ct))).ToOk();

    private static async Task<Results<Ok<ArrangeCoaching.ArrangedPair>, ValidationProblem, NotFound, ForbidHttpResult>> EndAsync(
        int pairId, ArrangeCoaching arrange, CancellationToken ct) => (await arrange.EndAsync(pairId, ct)).ToOk();

    private static async Task<Results<Ok<SchoolCoaching>, NotFound>> SchoolAsync(int urn, ReadCoachingOverview overview, ArrangeCoaching arrange, CancellationToken ct) =>
        await overview.SchoolAsync(urn, ct) is { } school && await arrange.PairsAsync(urn, ct) is { } pairs
            ? TypedResults.Ok(new SchoolCoaching(school, pairs))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ArrangeCoaching.ArrangedPair>, ValidationProblem, NotFound, ForbidHttpResult>> ArrangeAsync(
        int urn, PairInput input, ArrangeCoaching arrange, CancellationToken ct) =>
        (await arrange.ArrangeAsync(urn, input, ct)).ToCreated(p => $"/api/coaching/schools/{urn}");

    private static async Task<Results<Ok<ReadCoachingOverview.TrustOverview>, NotFound>> OverviewAsync(ReadCoachingOverview overview, CancellationToken ct) =>
        await overview.TrustAsync(ct) is { } trust ? TypedResults.Ok(trust) : TypedResults.NotFound();

    private static async Task<ReadCoachingPair.PairView> ViewAsync(ReadCoachingPair read, int pairId, CancellationToken ct) =>
        await read.OneAsync(pairId, ct) ?? throw new InvalidOperationException($"Coaching pair {pairId} was just written but cannot be read.");
}
