using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Plans;

/// <summary>The choices plan forms offer: framework areas, units, measures, pupil groups and statuses.</summary>
public sealed class PlanChoices(AppDbContext db, FrameworkCatalogue catalogue)
{
    public sealed record Choices(List<SelectListItem> Areas, List<SelectListItem> Units, List<SelectListItem> Metrics, List<SelectListItem> Groups);

    public async Task<Choices> ForSchoolAsync(School school, CancellationToken ct)
    {
        var areas = new List<SelectListItem> { new("None", "") };
        foreach (var f in await catalogue.ListAsync(FrameworkLevel.School, ct))
        {
            var loaded = await catalogue.LoadAsync(f.Id, null, ct);
            var group = new SelectListGroup { Name = f.Name };
            areas.AddRange(loaded!.Areas.Select(a => new SelectListItem(a.Name, $"{f.Key}/{a.Key}") { Group = group }));
        }
        var units = await db.Units.AsNoTracking().Where(u => u.SchoolId == school.Id && u.ArchivedAt == null)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(ct);
        units.Insert(0, new SelectListItem("The whole school", ""));

        // The measures of the school's phase, without a published twin of its own measure (GoalMeasures).
        var offer = await GoalMeasures.ForSchoolAsync(db, school, ct);
        var has = new SelectListGroup { Name = "Measures with data for this school" };
        var other = new SelectListGroup { Name = "Measures with no data yet (the goal says which import feeds it)" };
        var metrics = offer.Metrics.OrderBy(m => offer.WithData.Contains(m.Key) ? 0 : 1).ThenBy(m => m.Name)
            .Select(m => new SelectListItem($"{m.Name} ({m.Unit})", m.Key) { Group = offer.WithData.Contains(m.Key) ? has : other }).ToList();
        metrics.Insert(0, new SelectListItem("Choose a measure", ""));
        var groups = offer.Groups.Select(g => new SelectListItem(PupilGroups.Name(g), g)).ToList();
        return new Choices(areas, units, metrics, groups);
    }

    public static List<SelectListItem> Statuses => Enum.GetValues<ActionStatus>()
        .Select(s => new SelectListItem(ActionState.Words(Codes.Of(s)), Codes.Of(s))).ToList();

    public static List<SelectListItem> Decisions => Enum.GetValues<ReviewDecision>()
        .Select(d => new SelectListItem(Display.Sentence(Codes.Of(d)), Codes.Of(d))).Prepend(new SelectListItem("Choose", "")).ToList();

    public static List<SelectListItem> Kinds =>
    [
        new("A plan for the academic year", Codes.Of(PlanKind.Year)),
        new("A 100-day plan", Codes.Of(PlanKind.HundredDay)),
    ];
}

public static class PlanDisplay
{
    public static string Kind(string code) => code == "hundred-day" ? "100-day plan" : "Year plan";

    public static string Money(decimal? value) => value is decimal m ? m.ToString("C0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "";
}
