using Microsoft.AspNetCore.Mvc;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

public sealed class CreateModel(AccessControl access, SaveFramework save, FrameworkCatalogue catalogue) : WriteModel(access)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await MayWriteAsync(ct))
        {
            return Forbid();
        }
        Input = new WrittenFramework { ScaleName = "Five-point scale", Grades = WrittenFramework.DefaultGrades };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await MayWriteAsync(ct))
        {
            return Forbid();
        }
        var key = FrameworkRules.KeyFrom(Input.Name ?? "");
        if (key.Length > 0 && await catalogue.ExistsAsync(key, ct))
        {
            ModelState.AddModelError("Input.Name", $"Your trust already has a framework called \"{Input.Name?.Trim()}\": open it to write a new version.");
            return Page();
        }
        return await SaveAsync(key, 1, null, d => save.ImportAsync(d, ct));
    }
}
