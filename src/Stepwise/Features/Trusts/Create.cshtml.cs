using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Trusts;

/// <summary>A service administrator (a local authority or hosted service) creates a trust and invites its first administrator.</summary>
public sealed class CreateModel(CreateTrust createTrust, AccessControl access) : PageModel
{
    [BindProperty]
    public NewTrustInput Input { get; set; } = new();

    public CreatedTrust? Created { get; private set; }

    public string? InvitationLink => Created?.InvitationLink is string path ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}" : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.CreateTrusts, ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The page never takes a password: the new trust's administrator chooses theirs through the invitation link.
        return this.Reply(await createTrust.HandleAsync(Input with { AdminPassword = null }, ct), created =>
        {
            Created = created;
            return Page();
        });
    }
}
