using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Your account: roles, two-factor status, and how many personal access tokens you have (managed on the tokens page).</summary>
public sealed class AccountModel(PeopleQueries people, IssueApiToken tokens, TrustScope scope) : PageModel
{
    public PersonSummary Person { get; private set; } = null!;
    public List<IssueApiToken.TokenRow> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Person = (await people.GetAsync(scope.PersonId!.Value, ct))!;
        Tokens = await tokens.ListAsync(scope.PersonId!.Value, ct);
    }
}
