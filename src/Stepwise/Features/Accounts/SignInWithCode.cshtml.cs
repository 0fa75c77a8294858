using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsFeature.SignInRateLimit)]
public sealed class SignInWithCodeModel(SignInManager<Person> signIn, TrustScope scope, SignInLog log) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app, or a recovery code.")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Before sign-in no trust is known: recording failed attempts and lockout is done as the system.
        scope.ActAsSystem("sign-in");
        var person = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (person is null)
        {
            return RedirectToPage("SignIn");
        }
        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Trim());
        await log.RecordAsync(person,
            result.Succeeded ? SignInLog.SignedIn : result.IsLockedOut ? SignInLog.LockedOut : SignInLog.Failed,
            result.Succeeded ? "With a password and a code." : "Wrong code from the authenticator app.");
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "This account is locked after too many attempts. Try again in 15 minutes."
            : "That code is not right. Codes change every 30 seconds: try the current one.");
        return Page();
    }
}
