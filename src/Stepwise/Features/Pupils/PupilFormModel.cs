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

    private static readonly (string Key, string Label)[] Checkboxes =
        [("Input.Disadvantaged", "Disadvantaged"), ("Input.FreeSchoolMeals", "Free school meals"), ("Input.Eal", "English as an additional language")];

    /// <summary>
    /// False, with a message naming the box, when a checkbox was sent something other than true or false: nothing is
    /// saved, and the form is shown again with the box as it was, not the value that could not be read.
    /// </summary>
    protected bool CheckboxesRead()
    {
        var read = true;
        foreach (var (key, label) in Checkboxes)
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                ModelState.Remove(key);
                ModelState.AddModelError(key, $"{label} is either ticked or not: the form sent something else. Tick the box or leave it empty.");
                read = false;
            }
        }
        return read;
    }
}
