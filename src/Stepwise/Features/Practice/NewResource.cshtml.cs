using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Practice;

/// <summary>Share a resource in the practice library: a link, the school that wrote it, the area it helps with, its strands.</summary>
public sealed class NewResourceModel(ShareResource share, ReadPracticeLibrary library, AccessControl access) : PageModel
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Areas { get; private set; } = [];
    public List<SelectListItem> Kinds { get; } =
        Enum.GetValues<ResourceKind>().Select(k => new SelectListItem(ResourceKinds.Name(k), Codes.Of(k))).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanAnywhereAsync(Permission.ShareResources, ct))
        {
            return Forbid();
        }
        await LoadAsync(ct);
        Input = Input with { School = Schools.Count == 1 ? int.Parse(Schools[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null, Kind = Codes.Of(ResourceKind.Guide) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.Reply(await share.HandleAsync(Input, ct), e => this.Done($"“{e.Title}” is in the practice library.", $"/practice?kind=resource#found"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Schools = await (await access.SchoolsAsync(Permission.ShareResources, ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Urn.ToString())).ToListAsync(ct);
        if (await access.CanAcrossTrustAsync(Permission.ShareResources, ct))
        {
            Schools.Insert(0, new SelectListItem("The trust (no one school)", ""));
        }
        Areas = (await library.AreaNamesAsync(ct)).OrderBy(a => a.Value, StringComparer.Ordinal).Select(a => new SelectListItem(a.Value, a.Key)).ToList();
        Areas.Insert(0, new SelectListItem("No particular area", ""));
    }
}
