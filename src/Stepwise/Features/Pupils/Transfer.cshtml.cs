using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Pupils;

/// <summary>Moves a pupil from another school of the trust onto this school's roll (<see cref="TransferPupil"/>).</summary>
public sealed class TransferModel(TransferPupil transfer, AccessControl access) : PageModel
{
    [BindProperty]
    public TransferInput Input { get; set; } = new();

    public int Urn { get; private set; }
    public string SchoolName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await DescribeAsync(urn, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (await DescribeAsync(urn, ct) is { } refused)
        {
            return refused;
        }
        return this.Reply(await transfer.HandleAsync(urn, Input, ct),
            pupil => this.Done($"The pupil has been transferred to {SchoolName}.", $"/pupils/{pupil.Key}"));
    }

    private async Task<IActionResult?> DescribeAsync(int urn, CancellationToken ct)
    {
        (Urn, SchoolName, var refused) = await PupilPages.SchoolToEditAsync(this, access, urn, ct);
        return refused;
    }
}
