using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Stepwise.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsFeature.SignInRateLimit)]
public sealed class SignInModel(SignInWithPassword signIn, Setup.FirstRun firstRun) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address, like name@school.org.uk.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        public string? Password { get; set; }
    }

    /// <summary>A fresh Stepwise with no trust: nobody can sign in yet, so the page points to the first-run page.</summary>
    public bool NoTrustYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl);
        }
        NoTrustYet = !await firstRun.HasTrustAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await signIn.HandleAsync(Input.Email!.Trim(), Input.Password!))
        {
            case SignInWithPassword.Result.NeedsCode:
                return RedirectToPage("SignInWithCode", new { ReturnUrl });
            case SignInWithPassword.Result.LockedOut:
                ModelState.AddModelError("", "This account is locked after too many attempts, or has been archived. Try again in 15 minutes or ask your administrator.");
                return Page();
            case SignInWithPassword.Result.AccessEnded:
                ModelState.AddModelError("", "Your access to Stepwise has ended. If you still need it, ask your trust's administrator.");
                return Page();
            case SignInWithPassword.Result.Refused:
                ModelState.AddModelError("Input.Email", "The email address or password is not right.");
                return Page();
        }
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
