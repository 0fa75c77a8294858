using System.Collections.Frozen;

namespace Stepwise.Common.Charts;

/// <summary>How a mark looks: every field optional, so a mark's classes combine (the later class wins).</summary>
public sealed record Look(string? Fill = null, string? Stroke = null, double? StrokeWidth = null, string? Dash = null, double? FontSize = null,
    bool? Bold = null, bool? Italic = null)
{
    public Look Over(Look under) => new(Fill ?? under.Fill, Stroke ?? under.Stroke, StrokeWidth ?? under.StrokeWidth, Dash ?? under.Dash,
        FontSize ?? under.FontSize, Bold ?? under.Bold, Italic ?? under.Italic);
}

/// <summary>
/// The colours of every chart, by class, in one place: the SVG writes them as presentation attributes (not inline
/// styles, so the content-security policy holds) and the PNG paints with them. The Making Data Count colours: grey
/// common cause, blue improvement, orange concern, purple a change with no better direction. Colour always repeats
/// what words or shapes say.
/// </summary>
public static class Palette
{
    public const string Ink = "#1b1f23";
    public const string Muted = "#505a63";
    public const string Line = "#c9d1d8";
    public const string Brand = "#1d4f6e";
    public const string BrandDark = "#123247";
    public const string Common = "#7b7d7d";
    public const string Improvement = "#1f77b4";
    public const string Concern = "#e46c0a";
    public const string Neutral = "#7030a0";
    public const string Target = "#2ca02c";

    private static readonly Look Text = new(Fill: Muted, FontSize: 13);

    private static readonly FrozenDictionary<string, Look> Looks = new Dictionary<string, Look>
    {
        // Shared: axes, grid, ticks, legends, the chart's own words.
        ["chart__axis"] = new(Stroke: Muted, StrokeWidth: 1),
        ["chart__grid"] = new(Stroke: Line, StrokeWidth: 1),
        ["chart__zero"] = new(Stroke: Ink, StrokeWidth: 1.5),
        ["chart__tick"] = Text,
        ["chart__label"] = new(Fill: Ink, FontSize: 13),
        ["chart__better"] = Text with { Bold = true },
        ["chart__value"] = new(Fill: BrandDark, FontSize: 13, Bold: true),
        ["chart__missing"] = Text with { Bold = true },
        ["chart__legend"] = new(Fill: Ink, FontSize: 13),
        // Benchmarking: the school, the trust's schools, the others, the middle half and the median.
        ["chart__band"] = new(Fill: Line),
        ["chart__box"] = new(Fill: "#dde3e8", Stroke: "#aab4bd", StrokeWidth: 1),
        ["chart__median"] = new(Stroke: Ink, StrokeWidth: 2, Dash: "5 3"),
        ["chart__median-tick"] = new(Stroke: Ink, StrokeWidth: 3),
        ["chart__dot"] = new(Fill: "#8a96a1", Stroke: "#ffffff", StrokeWidth: 1),
        ["chart__dot--trust"] = new(Fill: "#f2b33d", Stroke: "#6b4a00", StrokeWidth: 1.5),
        ["chart__dot--school"] = new(Fill: Brand, Stroke: Ink, StrokeWidth: 2),
        ["chart__leader"] = new(Stroke: Brand, StrokeWidth: 1.5),
        ["chart__school-label"] = new(Fill: BrandDark, FontSize: 15, Bold: true),
        ["chart__line"] = new(Fill: "none", Stroke: Brand, StrokeWidth: 3),
        // Run charts (XmR): the values, the mean, the process limits, the target, each point by its variation.
        ["run__line"] = new(Fill: "none", Stroke: "#5b5b5b", StrokeWidth: 1.5),
        ["run__mean"] = new(Stroke: "#333333", StrokeWidth: 1.5),
        ["run__limit"] = new(Stroke: "#8a8a8a", StrokeWidth: 1.5, Dash: "6 4"),
        ["run__target"] = new(Stroke: Target, StrokeWidth: 1.5, Dash: "2 3"),
        // Annotations (a PDSA cycle started, a decision): a thin line at the point, its label above the plot.
        ["run__note"] = new(Stroke: BrandDark, StrokeWidth: 1.25, Dash: "8 3 2 3"),
        ["run__note-label"] = new(Fill: BrandDark, FontSize: 12),
        ["run__note-back"] = new(Fill: "#ffffff"),
        ["variation--common"] = new(Fill: Common, Stroke: "#ffffff", StrokeWidth: 1),
        ["variation--improvement"] = new(Fill: Improvement, Stroke: "#ffffff", StrokeWidth: 1),
        ["variation--concern"] = new(Fill: Concern, Stroke: "#ffffff", StrokeWidth: 1),
        ["variation--neutral"] = new(Fill: Neutral, Stroke: "#ffffff", StrokeWidth: 1),
        // Gaps: the gap each year and its 95% interval.
        ["gap__interval"] = new(Stroke: Brand, StrokeWidth: 2.5),
        ["gap__dot"] = new(Fill: Brand, Stroke: "#ffffff", StrokeWidth: 1.5),
        ["gap__line"] = new(Fill: "none", Stroke: Brand, StrokeWidth: 1.5, Dash: "4 3"),
        ["gap__area--behind"] = new(Fill: "#fbf1ea"),
        // Survey results: strongly disagree … strongly agree.
        ["dv-1"] = new(Fill: "#b2182b"),
        ["dv-2"] = new(Fill: "#ef8a62"),
        ["dv-3"] = new(Fill: "#bababa"),
        ["dv-4"] = new(Fill: "#67a9cf"),
        ["dv-5"] = new(Fill: "#2166ac"),
        ["axis"] = new(Stroke: "#0b0c0c", StrokeWidth: 1),
        ["dv__percent"] = new(Fill: "#0b0c0c", FontSize: 12, Bold: true),
        ["dv__percent--light"] = new(Fill: "#ffffff"),
        // Stage timeline: a band per stage, named on it.
        ["timeline__lane"] = new(Fill: "#f3f5f7"),
        ["timeline__year"] = new(Stroke: "#929191", StrokeWidth: 1),
        ["timeline__term"] = new(Stroke: Line, StrokeWidth: 1, Dash: "3 3"),
        ["timeline__label"] = new(Fill: Ink, FontSize: 13),
        ["timeline__axis"] = new(Fill: Muted, FontSize: 12),
        ["timeline__none"] = new(Fill: Muted, FontSize: 12, Italic: true),
        ["timeline__today"] = new(Stroke: Ink, StrokeWidth: 2),
        ["stage--stabilise"] = new(Fill: "#dbe9f4"),
        ["stage--repair"] = new(Fill: "#a9cce3"),
        ["stage--improve"] = new(Fill: "#3f7fae"),
        ["stage--sustain"] = new(Fill: BrandDark),
        ["stage__name"] = new(Fill: BrandDark, FontSize: 13),
        ["stage__name--light"] = new(Fill: "#ffffff", FontSize: 13),
        // Driver diagrams: the aim, primary and secondary drivers, change ideas (rated on a small impact-by-ease grid), the lines joining them.
        ["dd__heading"] = new(Fill: Muted, FontSize: 12, Bold: true),
        ["dd__aim"] = new(Fill: BrandDark, Stroke: BrandDark, StrokeWidth: 1),
        ["dd__aim-text"] = new(Fill: "#ffffff", FontSize: 13, Bold: true),
        ["dd__primary"] = new(Fill: "#dbe9f4", Stroke: Brand, StrokeWidth: 1.5),
        ["dd__secondary"] = new(Fill: "#f3f7fa", Stroke: "#7f9fb8", StrokeWidth: 1),
        ["dd__idea"] = new(Fill: "#ffffff", Stroke: "#aab4bd", StrokeWidth: 1),
        ["dd__text"] = new(Fill: Ink, FontSize: 12),
        ["dd__text--primary"] = new(Bold: true),
        ["dd__rating"] = new(Fill: Muted, FontSize: 11),
        ["dd__note"] = new(Fill: BrandDark, FontSize: 11, Italic: true),
        ["dd__cell"] = new(Fill: "#d5dce2"),
        ["dd__cell--on"] = new(Fill: Brand),
        ["dd__link"] = new(Fill: "none", Stroke: "#8a96a1", StrokeWidth: 1.25),
        ["dd__none"] = new(Fill: Muted, FontSize: 12, Italic: true),
        // Sparklines and the Making Data Count icons.
        ["sparkline__line"] = new(Fill: "none", Stroke: "#5b5b5b", StrokeWidth: 1.5),
        ["icon--common"] = new(Fill: "#ffffff", Stroke: "#6b6e6e", StrokeWidth: 2),
        ["icon--improvement"] = new(Fill: "#e8f2fa", Stroke: Improvement, StrokeWidth: 2),
        ["icon--concern"] = new(Fill: "#fdf0e6", Stroke: "#c25400", StrokeWidth: 2),
        ["icon--neutral"] = new(Fill: "#f3ebf8", Stroke: Neutral, StrokeWidth: 2),
        ["icon__letter--common"] = new(Fill: "#4d4f4f", FontSize: 12, Bold: true),
        ["icon__letter--improvement"] = new(Fill: "#145a8a", FontSize: 12, Bold: true),
        ["icon__letter--concern"] = new(Fill: "#8f3e00", FontSize: 12, Bold: true),
        ["icon__letter--neutral"] = new(Fill: "#5a2680", FontSize: 12, Bold: true),
    }.ToFrozenDictionary();

    /// <summary>The look of a mark with these classes (space-separated); black text or a black line where none is known.</summary>
    public static Look Of(string classes, bool text)
    {
        var look = new Look();
        foreach (var name in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Looks.TryGetValue(name, out var found))
            {
                look = found.Over(look);
            }
        }
        return text ? look.Over(new Look(Fill: Ink, FontSize: 13)) : look;
    }
}
