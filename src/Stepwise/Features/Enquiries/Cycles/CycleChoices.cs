using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>What the cycle forms offer: the enquiry's current change ideas, the units of the team's schools and the enquiry's measures.</summary>
public sealed record CycleFormChoices(List<SelectListItem> ChangeIdeas, List<SelectListItem> Units, List<SelectListItem> Measures);

public sealed class CycleChoices(AppDbContext db)
{
    public static readonly SelectListItem[] Decisions =
    [
        new("Not decided yet", ""),
        new("Adopt: keep doing it, and spread it", "adopt"),
        new("Adapt: change it and test it again", "adapt"),
        new("Abandon: stop, it did not work here", "abandon"),
    ];

    public async Task<CycleFormChoices> ForAsync(int enquiryId, TeamAccess team, CancellationToken ct)
    {
        var ideas = await db.DriverNodes.AsNoTracking()
            .Where(n => n.EnquiryId == enquiryId && n.Kind == DriverNodeKind.ChangeIdea && n.RemovedAt == null)
            .OrderBy(n => n.Position).ThenBy(n => n.Id).Select(n => new { n.Id, n.Text }).ToListAsync(ct);
        var schools = team.SchoolIds.ToList();
        var units = await db.Units.AsNoTracking().Where(u => schools.Contains(u.SchoolId) && u.ArchivedAt == null)
            .Join(db.Schools, u => u.SchoolId, s => s.Id, (u, s) => new { u.Id, u.Name, u.Kind, School = s.Name })
            .ToListAsync(ct);
        var measures = await db.EnquiryMeasures.AsNoTracking().Where(m => m.EnquiryId == enquiryId && m.RemovedAt == null)
            .OrderBy(m => m.Kind).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name, m.Kind }).ToListAsync(ct);
        return new CycleFormChoices(
            ideas.Select(i => new SelectListItem(i.Text, $"{i.Id}")).Prepend(new SelectListItem("Choose a change idea", "")).ToList(),
            units.OrderBy(u => u.School).ThenBy(u => u.Kind).ThenBy(u => u.Name)
                .Select(u => new SelectListItem(schools.Count > 1 ? $"{u.School}: {u.Name}" : u.Name, $"{u.Id}"))
                .Prepend(new SelectListItem("Choose a unit", "")).ToList(),
            measures.Select(m => new SelectListItem($"{m.Name} ({m.Kind.ToString().ToLowerInvariant()} measure)", $"{m.Id}")).ToList());
    }
}

/// <summary>The measures a cycle watches, as checkboxes named <paramref name="Name"/> (the shared partial _CycleMeasures).</summary>
public sealed record MeasureBoxes(string Name, List<SelectListItem> Options, IReadOnlyCollection<int> Selected);
