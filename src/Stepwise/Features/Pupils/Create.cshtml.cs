using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Pupils;

public sealed class CreateModel(SavePupil savePupil, AccessControl access) : PupilFormModel
{
    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await DescribeAsync(urn, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (await DescribeAsync(urn, ct) is { } refused)
        {
            return refused;
        }
        if (!CheckboxesRead())
        {
            return Page();
        }
        return this.Reply(await savePupil.CreateAsync(urn, Input, ct), pupil => this.Done("The pupil has been added.", $"/pupils/{pupil.Key}"));
    }

    private async Task<IActionResult?> DescribeAsync(int urn, CancellationToken ct)
    {
        (Urn, SchoolName, var refused) = await PupilPages.SchoolToEditAsync(this, access, urn, ct);
        return refused;
    }
}
