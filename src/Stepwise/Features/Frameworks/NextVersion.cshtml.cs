using Microsoft.AspNetCore.Mvc;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

/// <summary>Writes the next version of a framework, starting from the latest one.</summary>
public sealed class NextVersionModel(AccessControl access, SaveFramework save, FrameworkCatalogue catalogue) : WriteModel(access)
{
    public async Task<IActionResult> OnGetAsync(int frameworkId, CancellationToken ct)
    {
        if (await LoadAsync(frameworkId, ct) is { } refused)
        {
            return refused;
        }
        Input = WrittenFramework.From(Based!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int frameworkId, CancellationToken ct)
    {
        if (await LoadAsync(frameworkId, ct) is { } refused)
        {
            return refused;
        }
        return await SaveAsync(Based!.Framework.Key, Based.Version.Number + 1, Based, d => save.ImportAsync(d, ct));
    }

    private async Task<IActionResult?> LoadAsync(int frameworkId, CancellationToken ct)
    {
        Based = await catalogue.LoadAsync(frameworkId, null, ct);
        if (Based is null)
        {
            return NotFound();
        }
        if (!await MayWriteAsync(ct))
        {
            return Forbid();
        }
        return WrittenFramework.CanWrite(Based) ? null : BadRequest();
    }
}
