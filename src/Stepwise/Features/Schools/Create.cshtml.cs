using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

public sealed class CreateModel(SaveSchool saveSchool, AccessControl access) : SchoolFormModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.CreateSchool, ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await saveSchool.CreateAsync(Input, ct), school => this.Done($"{school.Name} has been added.", $"/schools/{school.Urn}"));
    }
}
