using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Data;

namespace Stepwise.Features.Accounts;

/// <summary>Your personal access tokens for the API: make one, or revoke them all. Signed in with the form only, never a token.</summary>
[Authorize(Policy = AccountsFeature.ManageCredentials)]
public sealed class TokensModel(IssueApiToken tokens, TrustScope scope) : PageModel
{
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

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(scope.PersonId!.Value, ct);

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var issued = await tokens.HandleAsync(scope.TrustId!.Value, scope.PersonId!.Value, Input.Name!.Trim(), Input.Days, ct);
            NewToken = issued.Token;
            ModelState.Clear();
            Input = new TokenInput();
        }
        Tokens = await tokens.ListAsync(scope.PersonId!.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var count = await tokens.RevokeAllAsync(scope.PersonId!.Value, ct);
        TempData["Notice"] = $"Revoked {count} token(s).";
        return RedirectToPage();
    }
}
