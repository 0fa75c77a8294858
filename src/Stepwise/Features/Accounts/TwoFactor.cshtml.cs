using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>
/// Turn TOTP two-factor authentication on (with an authenticator app) or off. Signed in with the form only (never a
/// token), and turning it off needs a current code or the password.
/// </summary>
[Authorize(Policy = AccountsFeature.ManageCredentials)]
public sealed class TwoFactorModel(UserManager<Person> users) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IEnumerable<string>? RecoveryCodes { get; private set; }

    /// <summary>The field that proves it is the account's owner turning two-factor off (never shown again).</summary>
    public string? Proof => null;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : RedirectToPage("SignIn");

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var person = await users.GetUserAsync(User);
        if (person is null)
        {
            return RedirectToPage("SignIn");
        }
        if (ModelState.IsValid)
        {
            var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(person, true);
                RecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 8);
                ModelState.Clear();
                await LoadAsync();
                return Page();
            }
            ModelState.AddModelError("Input.Code", "That code is not right. Check the time on your phone is correct, and try the current code.");
        }
        await LoadAsync();
        return Page();
    }

    /// <param name="proof">The current code from the authenticator app, or the account's password.</param>
    public async Task<IActionResult> OnPostDisableAsync(string? proof)
    {
        var person = await users.GetUserAsync(User);
        if (person is null)
        {
            return RedirectToPage("SignIn");
        }
        if (!await ProvesItIsThemAsync(person, proof))
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Proof), string.IsNullOrWhiteSpace(proof)
                ? "Enter the current code from your authenticator app, or your password, to turn two-factor authentication off."
                : "That is neither the current code from your app nor your password.");
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(person, false);
        await users.ResetAuthenticatorKeyAsync(person);
        TempData["Notice"] = "Two-factor authentication is off.";
        return RedirectToPage();
    }

    private async Task<bool> ProvesItIsThemAsync(Person person, string? proof)
    {
        if (string.IsNullOrWhiteSpace(proof))
        {
            return false;
        }
        var code = proof.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }
        return await users.CheckPasswordAsync(person, proof);
    }

    private async Task<bool> LoadAsync()
    {
        var person = await users.GetUserAsync(User);
        if (person is null)
        {
            return false;
        }
        Enabled = await users.GetTwoFactorEnabledAsync(person);
        var key = await users.GetAuthenticatorKeyAsync(person);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(person);
            key = await users.GetAuthenticatorKeyAsync(person);
        }
        SharedKey = Group(key!);
        AuthenticatorUri = $"otpauth://totp/Stepwise:{Uri.EscapeDataString(person.Email ?? "")}?secret={key}&issuer=Stepwise&digits=6";
        return true;
    }

    private static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().ToLowerInvariant().TrimEnd();
    }
}
