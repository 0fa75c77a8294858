using System.Globalization;
using Stepwise.Common;
using Stepwise.Common.Charts;
using Stepwise.Features.Access;

namespace Stepwise.Features.Stages;

/// <summary>The stage timelines of a school and of a unit, drawn by <see cref="StageTimeline"/>, with a title that says where the units are now.</summary>
public static class StageCharts
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The school's units that have a history (a school's many unset units would only add empty lanes); null when none has.</summary>
    public static Chart? ForSchool(string school, IReadOnlyList<UnitStage> units, DateOnly today)
    {
        var lanes = units.Where(u => u.History.Count > 0).Select(Lane).ToList();
        if (lanes.Count == 0)
        {
            return null;
        }
        var now = units.Where(u => u.Current is not null).GroupBy(u => u.Current!.Stage).OrderBy(g => Order(g.Key))
            .Select(g => $"{g.Count()} {(g.Count() == 1 ? "unit" : "units")} in {Name(g.Key)}");
        return StageTimeline.Draw("school-timeline", $"{school} now: {string.Join(", ", now)}", lanes, today, Name, Light);
    }

    public static Chart? ForUnit(UnitStage unit, DateOnly today)
    {
        if (unit.History.Count == 0 || unit.Current is not { } current)
        {
            return null;
        }
        var earlier = unit.History.Count - 1;
        return StageTimeline.Draw("unit-timeline",
            $"{unit.Unit} has been in {Name(current.Stage)} since {current.From.ToString("d MMMM yyyy", EnGb)}{(earlier > 0 ? $", after {earlier} earlier stage{(earlier == 1 ? "" : "s")}" : "")}",
            [Lane(unit)], today, Name, Light);
    }

    /// <summary>The timelines as files, read as their pages read them.</summary>
    public static IEndpointRouteBuilder MapStageCharts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/schools/{urn:int}/stages").RequireAuthorization().ExcludeFromDescription().MapChart("/timeline", async (context, ct) =>
        {
            var services = context.RequestServices;
            var school = await services.GetRequiredService<AccessControl>().FindSchoolAsync(Route(context, "urn"), ct);
            return school is null ? null
                : ForSchool(school.Name, await services.GetRequiredService<ReadStages>().ForSchoolsAsync([school], ct), Today(services));
        });
        app.MapGroup("/units/{unitId:int}/stage").RequireAuthorization().ExcludeFromDescription().MapChart("/timeline", async (context, ct) =>
        {
            var services = context.RequestServices;
            var unitId = Route(context, "unitId");
            if (await services.GetRequiredService<AccessControl>().FindUnitAsync(unitId, ct) is not var (_, school))
            {
                return null;
            }
            var unit = (await services.GetRequiredService<ReadStages>().ForSchoolsAsync([school], ct)).FirstOrDefault(u => u.UnitId == unitId);
            return unit is null ? null : ForUnit(unit, Today(services));
        });
        return app;
    }

    private static StageTimeline.Lane Lane(UnitStage u) => new(u.Unit, u.History.Select(h => (h.From, h.Stage)).ToList());

    private static string Name(string code) => Codes.TryParse<Stage>(code, out var s) ? s.ToString() : code;

    private static int Order(string code) => Codes.TryParse<Stage>(code, out var s) ? (int)s : 0;

    /// <summary>The darker bands (Improve, Sustain) carry white words.</summary>
    private static bool Light(string code) => Codes.TryParse<Stage>(code, out var s) && s >= Stage.Improve;

    private static int Route(HttpContext context, string name) => int.Parse((string)context.Request.RouteValues[name]!, CultureInfo.InvariantCulture);

    private static DateOnly Today(IServiceProvider services) => services.GetRequiredService<TimeProvider>().Today();
}
