using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

public sealed class DetailsModel(FrameworkCatalogue catalogue, AccessControl access) : PageModel
{
    public LoadedVersion Loaded { get; private set; } = null!;
    public LoadedVersion? Previous { get; private set; }
    public FrameworkSummary Summary { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int frameworkId, int? version, CancellationToken ct)
    {
        var loaded = await catalogue.LoadAsync(frameworkId, version, ct);
        if (loaded is null)
        {
            return NotFound();
        }
        Loaded = loaded;
        Previous = loaded.Version.Number > 1 ? await catalogue.LoadAsync(frameworkId, loaded.Version.Number - 1, ct) : null;
        Summary = (await catalogue.ListAsync(ct)).First(f => f.Id == frameworkId);
        CanManage = await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct);
        return Page();
    }

    public string Continues(FrameworkArea area)
    {
        if (Previous is null)
        {
            return "";
        }
        var names = area.MapsFromKeys.Select(k => Previous.Areas.FirstOrDefault(a => a.Key == k)?.Name ?? k).ToList();
        return names.Count == 0 ? "New in this version" : names.Count == 1 && names[0] == area.Name ? "Unchanged" : "Continues " + string.Join(" and ", names);
    }
}
