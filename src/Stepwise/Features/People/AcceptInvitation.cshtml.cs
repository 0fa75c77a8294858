using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Stepwise.Common;
using Stepwise.Features.Accounts;

namespace Stepwise.Features.People;

/// <summary>Opening an invitation link: choose a password (the policy applies) and be signed in. A used or expired link is refused, saying so.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsFeature.SignInRateLimit)]
public sealed class AcceptInvitationModel(Invitations invitations, SignInManager<Person> signIn, SignInLog log) : PageModel
{
    public OpenedInvitation Invitation { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.OpenAsync(token, ct);
        return Refused();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.OpenAsync(token, ct);
        if (Invitation.Refusal is not null)
        {
            return Refused();
        }
        var outcome = await invitations.AcceptAsync(token, Input.Password, Input.Confirm, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            ModelState.AddOutcomeErrors(outcome.Errors);
            return Page();
        }
        var person = outcome.Value!;
        await signIn.SignInAsync(person, isPersistent: false);
        await log.RecordAsync(person, SignInLog.SignedIn, "With the password they chose through an invitation link.");
        return this.Done($"Welcome, {person.DisplayName}: your password is set and you are signed in.", "/");
    }

    private PageResult Refused()
    {
        if (Invitation.Refusal is not null)
        {
            Response.StatusCode = Invitation.Gone ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
