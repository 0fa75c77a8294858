using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Schools;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Units;

/// <summary>What the add and edit unit pages share: the fields and the school's other units to nest under.</summary>
public abstract class UnitFormModel(ReadUnits read) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public int Urn { get; protected set; }
    public string SchoolName { get; protected set; } = "";
    public List<SelectListItem> Kinds { get; private set; } = [];
    public List<SelectListItem> Parents { get; private set; } = [];

    protected async Task DescribeAsync(School school, int? exceptUnitId, bool wholeSchool, CancellationToken ct)
    {
        Urn = school.Urn;
        SchoolName = school.Name;
        ViewData["Urn"] = school.Urn;
        Kinds = Enum.GetValues<UnitKind>()
            .Where(k => wholeSchool ? k == UnitKind.WholeSchool : k != UnitKind.WholeSchool)
            .Select(k => new SelectListItem(Display.Sentence(Codes.Of(k)), Codes.Of(k)))
            .ToList();
        Parents = (await read.ParentChoicesAsync(school.Id, exceptUnitId, ct))
            .Select(u => new SelectListItem(u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Parents.Insert(0, new SelectListItem("None (directly under the school)", ""));
    }

    protected IActionResult Respond(Outcome<UnitSummary> outcome, string notice) =>
        this.Reply(outcome, unit => this.Done(notice, $"/schools/{unit.Urn}#units"));
}
