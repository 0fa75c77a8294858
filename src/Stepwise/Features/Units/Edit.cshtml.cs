using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Units;

public sealed class EditModel(SaveUnit saveUnit, AccessControl access, ReadUnits read) : UnitFormModel(read)
{
    public int UnitId { get; private set; }
    public bool Archived { get; private set; }
    public bool WholeSchool { get; private set; }

    public async Task<IActionResult> OnGetAsync(int unitId, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return NotFound();
        }
        if (!await access.CanForUnitAsync(Permission.EditUnits, school.Id, unit.Id, ct))
        {
            return Forbid();
        }
        Input = new UnitInput { Name = unit.Name, Kind = Codes.Of(unit.Kind), ParentUnitId = unit.ParentUnitId };
        await DescribeUnitAsync(unit, school, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unitId, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return NotFound();
        }
        await DescribeUnitAsync(unit, school, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return Respond(await saveUnit.UpdateAsync(unitId, Input, ct), "Your changes have been saved.");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int unitId, bool archive, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return NotFound();
        }
        await DescribeUnitAsync(unit, school, ct);
        Input = new UnitInput { Name = unit.Name, Kind = Codes.Of(unit.Kind), ParentUnitId = unit.ParentUnitId };
        return Respond(await saveUnit.ArchiveAsync(unitId, archive, ct), archive ? $"{unit.Name} has been archived." : $"{unit.Name} is back.");
    }

    private async Task DescribeUnitAsync(Unit unit, Schools.School school, CancellationToken ct)
    {
        UnitId = unit.Id;
        Archived = unit.ArchivedAt is not null;
        WholeSchool = unit.Kind == UnitKind.WholeSchool;
        await DescribeAsync(school, unit.Id, WholeSchool, ct);
    }
}
