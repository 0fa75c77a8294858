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
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return Forbid();
        }
        (Urn, SchoolName) = (school.Urn, school.Name);
        ViewData["Urn"] = urn;
        return null;
    }
}
