using System.Text;
using System.Xml.Linq;
using Stepwise.Analytics.Spc;
using Stepwise.Common.Charts;

namespace Stepwise.Tests.Features.Charts;

/// <summary>
/// A run chart marks what happened (a PDSA cycle started, a decision) at the point whose period contains its day: a
/// thin line with its label above the plot, labels stacked so none overlaps another, a link in the SVG, and the
/// annotations named in the chart's words and carried in its data.
/// </summary>
public sealed class AnnotatingRunCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IReadOnlyList<RunPoint> Weeks() => ChartSamples.Weeks();

    private static List<TextMark> Labels(Chart chart) => [.. chart.Scene.Marks.OfType<TextMark>().Where(t => t.Class == "run__note-label")];

    private static List<RectMark> Backs(Chart chart) => [.. chart.Scene.Marks.OfType<RectMark>().Where(r => r.Class == "run__note-back")];

    private static List<LineMark> Lines(Chart chart) => [.. chart.Scene.Marks.OfType<LineMark>().Where(l => l.Class == "run__note")];

    private static double PointX(Chart chart, int index) =>
        chart.Scene.Marks.OfType<CircleMark>().Where(c => c.Class.StartsWith("run__point", StringComparison.Ordinal)).ElementAt(index).Cx;

    [Theory]
    [InlineData(2025, 1, 6, 0)]    // the first day of the first week
    [InlineData(2025, 2, 12, 5)]   // a Wednesday: the week that started on the Monday before
    [InlineData(2025, 2, 16, 5)]   // the Sunday: still that week
    [InlineData(2025, 2, 17, 6)]   // the next Monday: the next week
    [InlineData(2025, 6, 30, 11)]  // after the last point's start: the last point
    public void An_annotation_is_placed_at_the_last_point_whose_period_starts_on_or_before_its_day(int year, int month, int day, int point) =>
        Assert.Equal(point, RunChart.PointOf(Weeks(), new DateOnly(year, month, day)));

    [Fact]
    public void An_annotation_before_the_first_point_or_beside_undated_points_has_no_place()
    {
        Assert.Null(RunChart.PointOf(Weeks(), new DateOnly(2025, 1, 5)));
        var undated = Weeks().Select(p => p with { PeriodStart = null }).ToList();
        Assert.Null(RunChart.PointOf(undated, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Each_placed_annotation_is_a_line_at_its_points_x_across_the_plot_with_its_label_and_tooltip()
    {
        var chart = ChartSamples.Annotated();

        var lines = Lines(chart);
        Assert.Equal(4, lines.Count);   // "Team formed" comes before the first week
        Assert.Equal([5, 5, 6, 11], lines.Select(l => Enumerable.Range(0, 12).Single(i => Math.Abs(PointX(chart, i) - l.X1) < 0.01)).Order().ToList());
        var axis = chart.Scene.Marks.OfType<LineMark>().First(l => l.Class == "chart__axis");
        Assert.All(lines, l => Assert.Equal(axis.Y1, l.Y2));   // down to the axis
        Assert.All(lines, l => Assert.True(l.Y1 < chart.Scene.Marks.OfType<LineMark>().Where(g => g.Class == "chart__grid").Min(g => g.Y1)));   // from above the plot

        Assert.Equal(["PDSA 1 started", "PDSA 1: adapt", "PDSA 2 started", "PDSA 2: adopt"], Labels(chart).Select(t => t.Text).Order(StringComparer.Ordinal).ToList());
        var started = Labels(chart).Single(t => t.Text == "PDSA 2 started");
        Assert.Equal("PDSA 2 started: 17 February 2025, at w/c 17 Feb", started.Tooltip);
        Assert.Equal("/enquiries/12#cycle-34", started.Link);
        Assert.DoesNotContain(chart.Scene.Marks.OfType<TextMark>(), t => t.Text.Contains("Team formed", StringComparison.Ordinal));
    }

    [Fact]
    public void Labels_at_the_same_or_close_points_are_stacked_without_overlapping_and_stay_inside_the_chart()
    {
        var chart = ChartSamples.Annotated();
        var backs = Backs(chart);
        Assert.Equal(4, backs.Count);
        for (var i = 0; i < backs.Count; i++)
        {
            var a = backs[i];
            Assert.True(a.X >= 0 && a.X + a.Width <= chart.Scene.Width, $"A label runs out of the chart: {a}");
            Assert.True(a.Y >= 0, $"A label runs off the top: {a}");
            for (var j = i + 1; j < backs.Count; j++)
            {
                var b = backs[j];
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"Labels overlap: {a} and {b}");
            }
        }
        // The two at week 5 and the one at week 6 take three rows; the one at the last week goes to the left of its line.
        var rows = Labels(chart).ToDictionary(t => t.Text, t => t.Y);
        Assert.Equal(3, new[] { rows["PDSA 1 started"], rows["PDSA 1: adapt"], rows["PDSA 2 started"] }.Distinct().Count());
        var adopt = Labels(chart).Single(t => t.Text == "PDSA 2: adopt");
        Assert.Equal(Anchor.End, adopt.Anchor);
        Assert.True(adopt.X < PointX(chart, 11));
        // Nothing else of the chart moves under the labels: the plot starts below the lowest row.
        Assert.True(backs.Max(b => b.Y + b.Height) <= chart.Scene.Marks.OfType<LineMark>().Where(g => g.Class == "chart__grid").Min(g => g.Y1));
    }

    [Fact]
    public void Annotations_far_apart_share_one_row()
    {
        var layout = RunChart.Notes([(new ChartAnnotation(new DateOnly(2025, 1, 6), "PDSA 1 started", null), 100), (new ChartAnnotation(new DateOnly(2025, 3, 3), "PDSA 2 started", null), 500)]);
        Assert.All(layout, l => Assert.Equal(0, l.Row));
    }

    [Fact]
    public void A_label_whose_words_run_over_a_later_line_sits_above_it_so_no_line_crosses_it()
    {
        var first = new ChartAnnotation(new DateOnly(2025, 1, 6), "PDSA 1 started", null);
        var second = new ChartAnnotation(new DateOnly(2025, 1, 13), "PDSA 1: abandon", null);
        var layout = RunChart.Notes([(first, 200), (second, 240)]);
        var (a, b) = (layout.Single(l => l.Annotation == first), layout.Single(l => l.Annotation == second));
        Assert.True(a.From < b.X && b.X < a.To, "The test needs the first label to run over the second line.");
        Assert.True(a.Row > b.Row, "The second line runs up to its own label only, so the first label must be above it.");
    }

    [Fact]
    public void The_words_name_each_annotation_at_its_period_and_one_before_the_first_point_as_not_drawn()
    {
        var chart = ChartSamples.Annotated();
        Assert.StartsWith("Run chart of the percentage of pupils reading aloud daily by week. Marked: ", chart.Alternative, StringComparison.Ordinal);
        Assert.EndsWith("Marked: Team formed on 2 December 2024, before the first point, not drawn; PDSA 1 started at w/c 10 Feb; PDSA 1: adapt at w/c 10 Feb; "
            + "PDSA 2 started at w/c 17 Feb; PDSA 2: adopt at w/c 24 Mar.", chart.Alternative, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_carries_each_points_annotations_and_the_one_not_drawn()
    {
        var chart = ChartSamples.Annotated();
        Assert.Equal("Annotations", chart.Data.Columns[^1]);
        var rows = chart.Data.Rows;
        Assert.Equal(13, rows.Count);
        Assert.Null(rows[0][0]);
        Assert.Equal("Team formed (2 December 2024, before the first point, not drawn)", rows[0][^1]);
        var byPeriod = rows.Skip(1).ToDictionary(r => (string)r[0]!, r => (string?)r[^1]);
        Assert.Equal("PDSA 1 started; PDSA 1: adapt", byPeriod["w/c 10 Feb"]);
        Assert.Equal("PDSA 2 started", byPeriod["w/c 17 Feb"]);
        Assert.Equal("PDSA 2: adopt", byPeriod["w/c 24 Mar"]);
        Assert.Null(byPeriod["w/c 6 Jan"]);
        var csv = Encoding.UTF8.GetString(chart.Data.ToCsv());
        Assert.Contains("w/c 10 Feb,45,common,,42.5,49.1,35.9,60,PDSA 1 started; PDSA 1: adapt\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legend_names_the_cycle_line_only_when_one_is_drawn()
    {
        static bool Named(Chart chart) => chart.Scene.Marks.OfType<TextMark>().Any(t => t.Class == "chart__legend" && t.Text == "PDSA cycle");
        Assert.True(Named(ChartSamples.Annotated()));
        Assert.False(Named(RunChart.Draw("run", "Title", "Words.", "%", Weeks(), null, v => $"{v}")));
        Assert.False(Named(RunChart.Draw("run", "Title", "Words.", "%", Weeks(), null, v => $"{v}", [new(new DateOnly(2020, 1, 1), "Long ago", null)])));
    }

    [Fact]
    public void Without_annotations_the_chart_is_drawn_as_before()
    {
        var plain = RunChart.Draw("run", "Title", "Words.", "%", Weeks(), 60, v => $"{v}");
        var empty = RunChart.Draw("run", "Title", "Words.", "%", Weeks(), 60, v => $"{v}", []);
        Assert.Equal("Words.", plain.Alternative);
        Assert.Equal(plain.Scene.Height, empty.Scene.Height);
        Assert.Equal(plain.Scene.Marks.Count, empty.Scene.Marks.Count);
        Assert.Equal(28, plain.Scene.Marks.OfType<LineMark>().Where(g => g.Class == "chart__grid").Min(g => g.Y1));
        Assert.Empty(Lines(plain));
    }

    [Fact]
    public void The_svg_links_each_label_to_its_cycle_outside_the_image_and_the_png_draws_it()
    {
        var chart = ChartSamples.Annotated();
        var svg = XDocument.Parse(ChartSvg.Render(chart, standalone: true)).Root!;

        // An image's links reach neither keyboard nor screen reader: the drawing is an image, the links sit beside it.
        Assert.Equal("group", (string?)svg.Attribute("role"));
        var image = svg.Element(Svg + "g")!;
        Assert.Equal("img", (string?)image.Attribute("role"));
        Assert.Equal($"{chart.Id}-desc", (string?)image.Attribute("aria-labelledby"));
        Assert.Empty(image.Descendants(Svg + "a"));
        var links = svg.Elements(Svg + "a").ToDictionary(a => a.Element(Svg + "text")!.Value.Replace(a.Element(Svg + "text")!.Element(Svg + "title")!.Value, ""), a => (string?)a.Attribute("href"));
        Assert.Equal("/enquiries/12#cycle-34", links["PDSA 2 started"]);
        Assert.Equal("/enquiries/12#cycle-33", links["PDSA 1: adapt"]);
        Assert.Contains(image.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "run__note" && l.Element(Svg + "title")!.Value == "PDSA 2 started: 17 February 2025, at w/c 17 Feb");

        var png = ChartPng.Render(chart);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Equal((int)Math.Ceiling(chart.Scene.Height * 2), BitConverter.ToInt32([.. png[20..24].Reverse()]));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//elsewhere.example/cycle")]
    [InlineData("/\\elsewhere.example/cycle")]
    [InlineData("data:text/html,hello")]
    public void A_link_that_is_not_a_page_of_the_app_or_a_web_address_is_not_drawn(string url)
    {
        var chart = RunChart.Draw("run", "Title", "Words.", "%", Weeks(), null, v => $"{v}", [new(new DateOnly(2025, 2, 3), "PDSA 1 started", url)]);
        var svg = ChartSvg.Render(chart);
        Assert.DoesNotContain("<a ", svg, StringComparison.Ordinal);
        Assert.Contains(">PDSA 1 started</text>", svg, StringComparison.Ordinal);
        Assert.Equal("img", (string?)XDocument.Parse(svg).Root!.Attribute("role"));
    }

    [Fact]
    public void A_single_point_with_an_annotation_keeps_its_label_inside_the_chart()
    {
        var one = new[] { new RunPoint("2024/25", 5.2, Variation.Common, null, null, null, null, new DateOnly(2024, 9, 1)) };
        var chart = RunChart.Draw("run", "Title", "Words.", "%", one, null, v => $"{v}", [new(new DateOnly(2024, 10, 1), "A long label for a cycle that began in the autumn term", null)]);
        var back = Assert.Single(Backs(chart));
        Assert.True(back.X >= 0 && back.X + back.Width <= chart.Scene.Width);
        Assert.EndsWith("…", Assert.Single(Labels(chart)).Text, StringComparison.Ordinal);
        Assert.Equal("A long label for a cycle that began in the autumn term: 1 October 2024, at 2024/25", Assert.Single(Labels(chart)).Tooltip);
    }
}
