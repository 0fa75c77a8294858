using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Support;

/// <summary>The trust's networks of schools, and forming one (trust leaders).</summary>
public sealed class NetworksPageModel(Networks networks, AccessControl access) : PageModel
{
    public List<NetworkView> List { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public bool CanForm { get; private set; }

    [BindProperty]
    public NetworkInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.Reply(await networks.FormAsync(Input, ct), n => this.Done($"The network \"{n.Name}\" has been formed.", "/support/networks"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await networks.ListAsync(ct);
        CanForm = await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct);
        Schools = CanForm
            ? await (await access.SchoolsAsync(Permission.ViewSchool, ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name)
                .Select(s => new SelectListItem(s.Name, s.Urn.ToString())).ToListAsync(ct)
            : [];
    }
}
