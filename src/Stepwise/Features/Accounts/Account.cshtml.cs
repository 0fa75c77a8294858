using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Your account: roles, two-factor status, and personal access tokens for the API.</summary>
public sealed class AccountModel(PeopleQueries people, IssueApiToken tokens, TrustScope scope) : PageModel
{
    public PersonSummary Person { get; private set; } = null!;
    public List<IssueApiToken.TokenRow> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Say what the token is for, e.g. \"Power BI\".")]
        [StringLength(100, ErrorMessage = "Keep the name to 100 characters or fewer.")]
        public string? Name { get; set; }

        [Range(1, 365, ErrorMessage = "Choose between 1 and 365 days.")]
        public int Days { get; set; } = 90;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var issued = await tokens.HandleAsync(scope.TrustId!.Value, scope.PersonId!.Value, Input.Name!.Trim(), Input.Days, ct);
            NewToken = issued.Token;
            ModelState.Clear();
            Input = new TokenInput();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var count = await tokens.RevokeAllAsync(scope.PersonId!.Value, ct);
        TempData["Notice"] = $"Revoked {count} token(s).";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Person = (await people.GetAsync(scope.PersonId!.Value, ct))!;
        Tokens = await tokens.ListAsync(scope.PersonId!.Value, ct);
    }
}
