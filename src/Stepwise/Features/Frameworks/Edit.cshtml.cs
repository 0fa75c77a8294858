using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

/// <summary>Changes the latest version of a framework while nothing uses it; once used, the page says to write a new version.</summary>
public sealed class EditModel(AccessControl access, SaveFramework save, FrameworkCatalogue catalogue) : WriteModel(access)
{
    public async Task<IActionResult> OnGetAsync(int frameworkId, CancellationToken ct)
    {
        if (await LoadAsync(frameworkId, ct) is { } refused)
        {
            return refused;
        }
        Input = WrittenFramework.From(Based!) with { Notes = Based!.Version.Notes };
        if (Based.Used)
        {
            ModelState.AddModelError("", UsedMessage);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int frameworkId, CancellationToken ct)
    {
        if (await LoadAsync(frameworkId, ct) is { } refused)
        {
            return refused;
        }
        var previous = Based!.Version.Number > 1 ? await catalogue.LoadAsync(frameworkId, Based.Version.Number - 1, ct) : null;
        return await SaveAsync(Based.Framework.Key, Based.Version.Number, previous, d => save.ReplaceAsync(frameworkId, Based.Version.Number, d, ct));
    }

    private string UsedMessage => $"Version {Based!.Version.Number} has judgements or plan priorities, so it cannot be changed. Write version {Based.Version.Number + 1} instead.";

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
