using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Pupils;

/// <summary>What every page that changes a school's pupils checks first: the school, and the right to edit its pupils.</summary>
internal static class PupilPages
{
    /// <summary>The school's URN and name for the page, or the answer when it is not found or its pupils may not be edited.</summary>
    public static async Task<(int Urn, string Name, IActionResult? Refused)> SchoolToEditAsync(PageModel page, AccessControl access, int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return (urn, "", page.NotFound());
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return (urn, "", page.Forbid());
        }
        page.ViewData["Urn"] = urn;
        return (school.Urn, school.Name, null);
    }
}
