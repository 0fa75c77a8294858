using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Signing out deletes the server-side session, so the old cookie no longer works anywhere.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<Person> signIn, SignInLog log) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(User) is { } person)
        {
            await log.RecordAsync(person, SignInLog.SignedOut, "");
        }
        await signIn.SignOutAsync();
        TempData["Notice"] = "You have signed out.";
        return RedirectToPage("SignIn");
    }
}
