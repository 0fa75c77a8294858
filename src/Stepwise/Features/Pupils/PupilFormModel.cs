using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Pupils;

/// <summary>What the add and edit pupil pages share.</summary>
public abstract class PupilFormModel : PageModel
{
    [BindProperty]
    public PupilInput Input { get; set; } = new();

    public int Urn { get; protected set; }
    public string SchoolName { get; protected set; } = "";

    public static List<SelectListItem> YearGroups =>
        Enumerable.Range(0, 14).Select(y => new SelectListItem(Display.YearGroup(y), $"{y}")).Prepend(new SelectListItem("Choose a year group", "")).ToList();

    public static List<SelectListItem> SenOptions =>
        [new("None", "none"), new("SEN support", "sen-support"), new("EHC plan", "ehc-plan")];

    public static List<SelectListItem> SexOptions =>
        [new("Not recorded", ""), new("Female", "F"), new("Male", "M")];
}
