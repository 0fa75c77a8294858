using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

/// <summary>Learning teams: their use cases and their API (the pages under /teams use the same use cases).</summary>
public static class TeamsApi
{
    public static IServiceCollection AddTeamUseCases(this IServiceCollection services) => services
        .AddScoped<SaveTeam>()
        .AddScoped<ReadTeams>()
        .AddScoped<ReadTrustView>()
        .AddScoped<ReadProgramme>()
        .AddScoped<TickProgramme>();

    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/teams").WithTags("Learning teams").RequireAuthorization();
        api.MapGet("", ListAsync)
            .WithSummary("The learning teams the caller may see: their own first, each with its schools, member and enquiry counts")
            .WithDescription("A team is seen by whoever may see one of its schools, and by its members; a network is a team whose units are at more than one school.");
        api.MapPost("", CreateAsync)
            .WithSummary("Form a learning team: name, purpose, unitIds (units of one or several schools of the trust) and members (email addresses); the caller leads it")
            .WithDescription("Needs the right to form learning teams at every school of its units. isImprovementTeam names the school's improvement team: its units at one school, set by a leader who may change that school's plans.");
        api.MapGet("/{teamId:int}", GetAsync)
            .WithSummary("One learning team with its units and members (members are left out for governors and reviewers, who read summaries)");
        api.MapPut("/{teamId:int}", UpdateAsync).WithSummary("Change a team's name, purpose and improvement-team flag (its members and the leaders of its units)");
        api.MapPost("/{teamId:int}/archive", ArchiveAsync).WithSummary("Archive a team: it stays, with its enquiries, under archived teams");
        api.MapPost("/{teamId:int}/members", AddMemberAsync).WithSummary("Add a person of the trust to the team, by email address");
        api.MapDelete("/{teamId:int}/members/{personId:int}", RemoveMemberAsync).WithSummary("Take a member off the team (not its lead)");
        api.MapPost("/{teamId:int}/units", AddUnitAsync).WithSummary("Add a unit the team works on (of a school where the caller may form learning teams)");
        api.MapDelete("/{teamId:int}/units/{unitId:int}", RemoveUnitAsync).WithSummary("Take a unit off the team (not its last one, nor the last at the school of one of its enquiries)");
        return app;
    }

    private static async Task<Ok<List<ReadTeams.TeamRow>>> ListAsync(ReadTeams read, CancellationToken ct) => TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Results<Ok<ReadTeams.TeamView>, NotFound>> GetAsync(int teamId, ReadTeams read, CancellationToken ct) =>
        await read.OneAsync(teamId, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    private static async Task<Results<Created<ReadTeams.TeamView>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        TeamInput input, SaveTeam save, ReadTeams read, CancellationToken ct) =>
        (await (await save.CreateAsync(input, ct)).ThenAsync(t => ViewAsync(read, t.Id, ct))).ToCreated(t => $"/api/teams/{t.Id}");

    private static async Task<Results<Ok<ReadTeams.TeamView>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int teamId, TeamDetailsInput input, SaveTeam save, ReadTeams read, CancellationToken ct) =>
        (await (await save.UpdateAsync(teamId, input, ct)).ThenAsync(t => ViewAsync(read, t.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadTeams.TeamView>, ValidationProblem, NotFound, ForbidHttpResult>> ArchiveAsync(
        int teamId, SaveTeam save, ReadTeams read, CancellationToken ct) =>
        (await (await save.ArchiveAsync(teamId, archive: true, ct)).ThenAsync(t => ViewAsync(read, t.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadTeams.TeamView>, ValidationProblem, NotFound, ForbidHttpResult>> AddMemberAsync(
        int teamId, TeamMemberInput input, SaveTeam save, ReadTeams read, CancellationToken ct) =>
        (await (await save.AddMemberAsync(teamId, input, ct)).ThenAsync(t => ViewAsync(read, t.Id, ct))).ToOk();

    /// <summary>The team as it now reads; no content when the caller took themselves off a team they can no longer see.</summary>
    private static async Task<Results<Ok<ReadTeams.TeamView>, NoContent, ValidationProblem, NotFound, ForbidHttpResult>> RemoveMemberAsync(
        int teamId, int personId, SaveTeam save, ReadTeams read, CancellationToken ct)
    {
        var outcome = await save.RemoveMemberAsync(teamId, personId, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return (await outcome.ThenAsync(_ => Task.FromResult(0))).ToOk().Result switch
            {
                ValidationProblem problem => problem,
                ForbidHttpResult forbid => forbid,
                _ => TypedResults.NotFound(),
            };
        }
        return await read.OneAsync(teamId, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ReadTeams.TeamView>, ValidationProblem, NotFound, ForbidHttpResult>> AddUnitAsync(
        int teamId, TeamUnitInput input, SaveTeam save, ReadTeams read, CancellationToken ct) =>
        (await (await save.AddUnitAsync(teamId, input, ct)).ThenAsync(t => ViewAsync(read, t.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadTeams.TeamView>, ValidationProblem, NotFound, ForbidHttpResult>> RemoveUnitAsync(
        int teamId, int unitId, SaveTeam save, ReadTeams read, CancellationToken ct) =>
        (await (await save.RemoveUnitAsync(teamId, unitId, ct)).ThenAsync(t => ViewAsync(read, t.Id, ct))).ToOk();

    private static async Task<ReadTeams.TeamView> ViewAsync(ReadTeams read, int teamId, CancellationToken ct) =>
        await read.OneAsync(teamId, ct) ?? throw new InvalidOperationException($"Team {teamId} was just saved but cannot be read.");
}
