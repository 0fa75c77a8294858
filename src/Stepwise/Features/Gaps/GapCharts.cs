using System.Globalization;
using Stepwise.Common.Charts;

namespace Stepwise.Features.Gaps;

/// <summary>
/// A subject's disadvantage gap year by year with its 95% interval, drawn by <see cref="GapChart"/>, titled with what
/// happened to it ("The disadvantage gap in Maths narrowed from 4.1 to 2.3 since 2022/23").
/// </summary>
public static class GapCharts
{
    private const string Group = "disadvantaged";

    /// <summary>The chart, or null when no year has a disadvantaged gap to show (fewer than 5 pupils on a side every year).</summary>
    public static Chart? Disadvantaged(ReadSchoolGaps.Subject subject)
    {
        var years = subject.Years.Select(y => (y.Year, Gap: y.Comparisons.FirstOrDefault(c => c.Group == Group))).ToList();
        var shown = years.Where(y => y.Gap is { Suppressed: false, Gap: not null }).ToList();
        if (shown.Count == 0)
        {
            return null;
        }
        var name = years.Select(y => y.Gap?.Name).FirstOrDefault(n => n is not null) ?? "Disadvantaged pupils";
        var points = years.Select(y => y.Gap is { Suppressed: false, Gap: double g } c
            ? new GapYear(y.Year, g, c.Low, c.High, null)
            : new GapYear(y.Year, null, null, null, y.Gap is null ? "no figure" : y.Gap.Missing == SchoolData.DeriveSchoolMetrics.Withheld ? "withheld" : "fewer than 5")).ToList();
        var pupils = name.EndsWith("pupils", StringComparison.OrdinalIgnoreCase) ? name.ToLowerInvariant() : $"{name.ToLowerInvariant()} pupils";
        var indexes = years.ToDictionary(y => y.Year, y => y.Gap is { Suppressed: false } c ? c.GapIndex : null);
        var alternative = $"The gap in mean {subject.Name} score between {pupils} and other pupils, by year (positive: {pupils} behind): "
            + string.Join("; ", points.Select(p => p.Gap is double g
                ? $"{p.Year} {GapFormat.Signed(g)} (95% interval {GapFormat.Interval(p.Low, p.High)}, {GapFormat.Certainty(p.Low, p.High)}"
                  + (indexes[p.Year] is double index ? $"; gap index {GapFormat.Number(index)})" : ")")
                : $"{p.Year} no figure ({p.Missing})"))
            + $". The gap index is {ReadSchoolGaps.GapIndexLabel}.";
        return GapChart.Draw($"gap-{Common.Slug.Of(subject.Name, 100)}", Finding(subject.Name, shown.Select(s => (s.Year, s.Gap!)).ToList()), alternative, name, points, g => GapFormat.Signed(g));
    }

    /// <summary>The finding in words: how the gap moved from the first year with a figure to the latest, and how sure the latest is.</summary>
    public static string Finding(string subject, IReadOnlyList<(string Year, ReadSchoolGaps.Comparison Gap)> shown)
    {
        var (firstYear, first) = shown[0];
        var (lastYear, last) = shown[^1];
        var sure = GapFormat.Certainty(last.Low, last.High) == "could be no difference" ? $" ({lastYear}: could be no difference)" : "";
        if (shown.Count == 1)
        {
            return $"The disadvantage gap in {subject} is {Size(last.Gap!.Value)} in {lastYear}{sure}";
        }
        var (before, after) = (Math.Abs(first.Gap!.Value), Math.Abs(last.Gap!.Value));
        var moved = Math.Round(after, 1) < Math.Round(before, 1) ? "narrowed" : Math.Round(after, 1) > Math.Round(before, 1) ? "widened" : "stayed the same";
        return moved == "stayed the same"
            ? $"The disadvantage gap in {subject} stayed at {Size(last.Gap.Value)} since {firstYear}{sure}"
            : $"The disadvantage gap in {subject} {moved} from {Size(first.Gap.Value)} to {Size(last.Gap.Value)} since {firstYear}{sure}";
    }

    /// <summary>A gap's size in words: "2.3", or "2.3 with disadvantaged pupils ahead" when it is negative.</summary>
    private static string Size(double gap) => gap < 0 ? $"{GapFormat.Number(-gap)} (disadvantaged pupils ahead)" : GapFormat.Number(gap);

    /// <summary>The gaps charts as files: the page's read, narrowed by ?subject= and ?unit=.</summary>
    public static IEndpointRouteBuilder MapGapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/schools/{urn:int}/gaps").RequireAuthorization().ExcludeFromDescription().MapChart("/chart", async (context, ct) =>
        {
            var urn = int.Parse((string)context.Request.RouteValues["urn"]!, CultureInfo.InvariantCulture);
            int? unit = int.TryParse(context.Request.Query["unit"], out var u) ? u : null;
            var view = await context.RequestServices.GetRequiredService<ReadSchoolGaps>().HandleAsync(urn, unit, ct);
            var subject = view?.Subjects.FirstOrDefault(s => string.Equals(s.Name, context.Request.Query["subject"], StringComparison.OrdinalIgnoreCase));
            return subject is null ? null : Disadvantaged(subject);
        });
        return app;
    }

}
