using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

/// <summary>Add a school: look its URN up in the national register first, then check and change what it fills in.</summary>
public sealed class CreateModel(SaveSchool saveSchool, CreateFromRegister register, AccessControl access) : SchoolFormModel
{
    /// <summary>The URN looked up, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Urn { get; set; }

    /// <summary>True when the register held the URN looked up and filled the form.</summary>
    public bool? FoundInRegister { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.CreateSchool, ct))
        {
            return Forbid();
        }
        if (Text.Clean(Urn) is string urnText)
        {
            if (!Urns.TryParse(urnText, out var urn))
            {
                ModelState.AddModelError(nameof(Urn), $"The URN must be 6 digits, like 123456 (\"{urnText}\" is not).");
                return Page();
            }
            var found = await register.LookUpAsync(urn, ct);
            FoundInRegister = found is not null;
            Input = found ?? new SchoolInput { Urn = urnText };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await saveSchool.CreateAsync(Input, ct), school => this.Done($"{school.Name} has been added.", $"/schools/{school.Urn}"));
    }
}
