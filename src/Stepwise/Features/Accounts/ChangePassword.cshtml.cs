using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Change your password. Every other session of yours is signed out. Signed in with the form only, never a token.</summary>
[Authorize(Policy = AccountsFeature.ManageCredentials)]
public sealed class ChangePasswordModel(UserManager<Person> users, SignInManager<Person> signIn, ChangeOwnPassword change) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MustChange { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Enter a new password.")]
        [MinLength(12, ErrorMessage = "Your new password must be at least 12 characters. A few unrelated words make a strong one.")]
        public string? New { get; set; }

        [Compare(nameof(New), ErrorMessage = "The two new passwords do not match.")]
        public string? Confirm { get; set; }
    }

    public void OnGet() => MustChange = User.HasClaim(StepwiseClaimsFactory.MustChangePasswordClaim, "true");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        MustChange = User.HasClaim(StepwiseClaimsFactory.MustChangePasswordClaim, "true");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var person = await users.GetUserAsync(User);
        if (person is null)
        {
            return RedirectToPage("SignIn");
        }
        var result = await change.HandleAsync(person, Input.Current!, Input.New!, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New",
                    error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
            }
            return Page();
        }
        await signIn.SignInAsync(person, isPersistent: false);
        TempData["Notice"] = "Your password has been changed. Any other sessions of yours have been signed out.";
        return Redirect("/account");
    }
}
