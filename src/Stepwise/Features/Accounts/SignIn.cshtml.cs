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
public sealed class SignInModel(SignInManager<Person> signIn, TrustScope scope) : PageModel
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

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Before sign-in no trust is known: recording failed attempts and lockout is done as the system.
        scope.ActAsSystem("sign-in");
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("SignInWithCode", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "This account is locked after too many attempts, or has been archived. Try again in 15 minutes or ask your administrator.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Email", "The email address or password is not right.");
            return Page();
        }
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
