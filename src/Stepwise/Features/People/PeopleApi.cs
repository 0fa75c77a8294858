using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.People;

public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("People").RequireAuthorization();
        api.MapGet("/", ListAsync).WithSummary("People you manage, with their roles");
        api.MapGet("/{personId:int}", GetAsync).WithSummary("A person and their roles");
        api.MapPost("/", CreateAsync).WithSummary("Add a person with a role; the reply holds a temporary password or, with \"invite\": true, a one-time invitation link, shown once");
        api.MapPut("/{personId:int}", UpdateAsync).WithSummary("Edit a person's name, job title or email");
        api.MapPost("/{personId:int}/archive", ArchiveAsync).WithSummary("Archive a person: their sessions and tokens end");
        api.MapPost("/{personId:int}/memberships", GrantAsync).WithSummary("Give a person a role");
        api.MapDelete("/{personId:int}/memberships/{membershipId:int}", RevokeAsync).WithSummary("Take a role away");
        return app;
    }

    private static async Task<Ok<List<PersonSummary>>> ListAsync(PeopleQueries queries, bool? includeArchived, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(includeArchived ?? false, ct));

    private static async Task<Results<Ok<PersonSummary>, NotFound>> GetAsync(int personId, PeopleQueries queries, CancellationToken ct) =>
        await queries.GetAsync(personId, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedPerson>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        PersonInput input, CreatePerson useCase, TrustScope scope, HttpRequest request, CancellationToken ct)
    {
        var outcome = await useCase.HandleAsync(input, scope.TrustId!.Value, ct);
        if (outcome.Value is { InvitationLink: string path } created)
        {
            outcome = Outcome<CreatedPerson>.Ok(created with { InvitationLink = $"{request.Scheme}://{request.Host}{request.PathBase}{path}" });
        }
        return outcome.ToCreated(p => $"/api/people/{p.Person.Id}");
    }

    private static async Task<Results<Ok<PersonSummary>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int personId, PersonDetailsInput input, EditPerson useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(personId, input, ct)).ToOk();

    private static async Task<Results<Ok<PersonSummary>, ValidationProblem, NotFound, ForbidHttpResult>> ArchiveAsync(
        int personId, EditPerson useCase, CancellationToken ct) =>
        (await useCase.ArchiveAsync(personId, ct)).ToOk();

    private static async Task<Results<Ok<PersonSummary>, ValidationProblem, NotFound, ForbidHttpResult>> GrantAsync(
        int personId, MembershipInput input, GrantRole useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(personId, input, ct)).ToOk();

    private static async Task<Results<Ok<PersonSummary>, ValidationProblem, NotFound, ForbidHttpResult>> RevokeAsync(
        int personId, int membershipId, RevokeRole useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(personId, membershipId, ct)).ToOk();
}
