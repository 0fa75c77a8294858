using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

public static class AccountsApi
{
    /// <param name="Tokens">Your personal access tokens (their hints only: a token is shown once, when it is issued).</param>
    public sealed record AccountView(PersonSummary Person, List<IssueApiToken.TokenRow> Tokens);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Accounts").RequireAuthorization()
            .MapGet("/account", AccountAsync)
            .WithSummary("Your account, as the account page shows it: who you are, your roles and your personal access tokens");
        return app;
    }

    private static async Task<Results<Ok<AccountView>, NotFound>> AccountAsync(PeopleQueries people, IssueApiToken tokens, TrustScope scope, CancellationToken ct) =>
        scope.PersonId is int me && await people.GetAsync(me, ct) is { } person
            ? TypedResults.Ok(new AccountView(person, await tokens.ListAsync(me, ct)))
            : TypedResults.NotFound();
}
