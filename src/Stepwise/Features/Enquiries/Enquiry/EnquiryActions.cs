using Microsoft.AspNetCore.Mvc.Rendering;

namespace Stepwise.Features.Enquiries;

/// <summary>The plan actions an enquiry's form offers, grouped by school and plan.</summary>
public static class EnquiryActions
{
    public static List<SelectListItem> Options(List<(int Id, int Urn, string School, string Plan, string Action)> actions)
    {
        var groups = actions.Select(a => (a.School, a.Plan)).Distinct().ToDictionary(g => g, g => new SelectListGroup { Name = $"{g.School}: {g.Plan}" });
        return actions.Select(a => new SelectListItem(a.Action, $"{a.Id}") { Group = groups[(a.School, a.Plan)] })
            .Prepend(new SelectListItem("None", "")).ToList();
    }
}
