using Microsoft.AspNetCore.Mvc;
using Stepwise.Features.Access;

namespace Stepwise.Features.Units;

public sealed class CreateModel(SaveUnit saveUnit, AccessControl access, ReadUnits read) : UnitFormModel(read)
{
    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!await access.CanAsync(Permission.EditUnits, school.Id, ct))
        {
            return Forbid();
        }
        await DescribeAsync(school, null, wholeSchool: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        await DescribeAsync(school, null, wholeSchool: false, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return Respond(await saveUnit.CreateAsync(urn, Input, ct), $"{Input.Name?.Trim()} has been added.");
    }
}
