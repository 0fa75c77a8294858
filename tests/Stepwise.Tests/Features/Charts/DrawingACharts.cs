using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Stepwise.Analytics.Spc;
using Stepwise.Common;
using Stepwise.Common.Charts;

namespace Stepwise.Tests.Features.Charts;

/// <summary>
/// Every kind of chart is one scene drawn twice — SVG for pages, PNG for print — with a title that states the finding,
/// a text alternative, and its data as CSV: the same input gives both forms.
/// </summary>
public sealed class DrawingACharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static Chart Run() => RunChart.Draw("run-absence", "Overall absence fell below its process limits in the latest half-term.",
        "Run chart of overall absence by half-term.", "%",
        [
            new("2024/25 Autumn 1", 6.1, Variation.Common, 6.0, 7.2, 4.8, null),
            new("2024/25 Autumn 2", 5.9, Variation.Common, 6.0, 7.2, 4.8, null),
            new("2024/25 Spring 1", 6.3, Variation.Common, 6.0, 7.2, 4.8, null),
            new("2024/25 Spring 2", 3.9, Variation.Improvement, 6.0, 7.2, 4.8, "point-beyond-limit"),
        ], 5.5, F);

    public static TheoryData<string> Kinds() => ["run", "gap", "dot", "trend", "diverging", "timeline", "sparkline", "driver"];

    private static Chart Of(string kind) => kind switch
    {
        "run" => Run(),
        "gap" => GapChart.Draw("gap-maths", "The disadvantage gap in Maths narrowed from 4.1 to 2.3 since 2022/23", "The gap by year.", "Disadvantaged",
            [new("2022/23", 4.1, 2.0, 6.2, null), new("2023/24", null, null, null, "fewer than 5"), new("2024/25", 2.3, -0.4, 5.0, null)], F),
        "dot" => DotPlot.Draw("dot", "Larkhaven Primary: 64%, above the median of its similar schools", "Dots.",
            [new("Larkhaven Primary", 64, DotKind.School), new("Great Binfields", 58, DotKind.Trust), new("Other", 52, DotKind.Other)], 58, 52, 64, Polarity.Up, F),
        "trend" => TrendPlot.Draw("trend", "Larkhaven's figure went from 52% to 64%", "By year.",
            [new("2022/23", 52, null, 55, 50, 60), new("2023/24", null, "SUPP", 56, 51, 61), new("2024/25", 64, null, 57, 52, 62)], F),
        "diverging" => DivergingBars.Draw("question-1", "I feel safe at school", ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"], [1, 2, 3, 10, 4]),
        "timeline" => StageTimeline.Draw("timeline", "Maths has been in Improve since 1 March 2026",
            [new("Maths", [(new DateOnly(2025, 9, 1), "repair"), (new DateOnly(2026, 3, 1), "improve")])], new DateOnly(2026, 6, 1), s => s, s => s == "improve"),
        "driver" => DriverDiagram.Draw("driver", "How we will raise reading fluency", "Reading fluency in Year 3 from 62% to 75%",
            [new(1, DriverDiagramLevel.PrimaryDriver, "Daily practice", [new(2, DriverDiagramLevel.ChangeIdea, "Echo reading after lunch", [], 3, 2, null, "PDSA 1: adapt")])]),
        _ => Icons.Sparkline("spark", "Overall absence: 4 values", [("A", 6.1), ("B", 5.9), ("C", 6.3), ("D", 3.9)], Variation.Improvement),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_chart_is_an_svg_with_its_title_and_text_alternative_and_a_png(string kind)
    {
        var chart = Of(kind);

        var svg = XDocument.Parse(ChartSvg.Render(chart, standalone: true)).Root!;
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal(chart.Title, svg.Element(Svg + "title")!.Value);
        Assert.Equal(chart.Alternative, svg.Element(Svg + "desc")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(chart.Title));
        Assert.False(string.IsNullOrWhiteSpace(chart.Alternative));
        // The page's content-security policy forbids inline styles: colours are presentation attributes.
        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("style") is not null);
        Assert.Empty(svg.Descendants(Svg + "style"));

        var png = ChartPng.Render(chart);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // Twice the scene's size, for print.
        Assert.Equal((int)Math.Ceiling(chart.Scene.Width * 2), BitConverter.ToInt32([.. png[16..20].Reverse()]));
    }

    [Fact]
    public void The_svg_for_a_page_and_the_png_draw_the_same_marks_in_the_same_colours()
    {
        var chart = Run();
        var svg = XDocument.Parse(ChartSvg.Render(chart)).Root!;
        var points = svg.Descendants(Svg + "circle").Where(c => ((string?)c.Attribute("class"))?.Contains("run__point", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(4, points.Count);
        var improvement = Assert.Single(points, p => ((string)p.Attribute("class")!).Contains("variation--improvement", StringComparison.Ordinal));
        Assert.Equal(Palette.Improvement, (string?)improvement.Attribute("fill"));
        Assert.Equal("2024/25 Spring 2: 3.9, Improvement", improvement.Element(Svg + "title")!.Value);
        Assert.Equal(Palette.Improvement, Palette.Of("run__point variation--improvement", text: false).Fill);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Process limits");   // the legend is in the drawing, so the PNG has it too
    }

    [Fact]
    public void The_csv_holds_every_plotted_point_with_its_limits()
    {
        var csv = Encoding.UTF8.GetString(Run().Data.ToCsv()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Period,Value,Variation,Rule,Mean,Upper process limit,Lower process limit,Target,Annotations", csv[0]);
        Assert.Equal(5, csv.Length);
        Assert.Equal("2024/25 Spring 2,3.9,improvement,point-beyond-limit,6,7.2,4.8,5.5,", csv[4]);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("% of sessions")]
    [InlineData("per 100 pupils")]
    public void A_run_charts_unit_is_written_inside_the_chart_above_the_plot_clear_of_annotations(string unit)
    {
        var points = new RunPoint[] { new("2024/25", 5.2, Variation.Common, null, null, null, null, new DateOnly(2024, 9, 1)), new("2025/26", 5.0, Variation.Common, null, null, null, null, new DateOnly(2025, 9, 1)) };
        foreach (var chart in new[] { RunChart.Draw("run", "Title", "Words.", unit, points, null, F), RunChart.Draw("run", "Title", "Words.", unit, points, null, F, [new(new DateOnly(2024, 9, 2), "PDSA 1 started", null)]) })
        {
            var text = chart.Scene.Marks.OfType<TextMark>().Single(t => t.Text == unit);
            var width = ChartText.Width(unit, 13);
            var from = text.Anchor == Anchor.End ? text.X - width : text.X;
            Assert.True(from >= 0 && from + width <= chart.Scene.Width, $"The unit runs out of the chart: from {from}, {width} wide.");
            Assert.True(text.Y < chart.Scene.Marks.OfType<LineMark>().Where(g => g.Class == "chart__grid").Min(g => g.Y1));
            Assert.All(chart.Scene.Marks.OfType<RectMark>().Where(r => r.Class == "run__note-back"),
                back => Assert.False(back.X < from + width && from < back.X + back.Width && back.Y < text.Y + 3 && text.Y - 13 < back.Y + back.Height, "The unit runs into a label."));
        }
    }

    [Fact]
    public void A_gap_chart_leaves_a_year_without_a_figure_undrawn_and_says_why()
    {
        var chart = Of("gap");
        var svg = XDocument.Parse(ChartSvg.Render(chart)).Root!;
        Assert.Equal(2, svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "gap__dot"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "fewer than 5");
        Assert.Contains(chart.Data.Rows, r => (string?)r[0] == "2023/24" && r[2] is null && (string?)r[5] == "fewer than 5");
    }

    [Theory]
    [InlineData(Signal.Improvement, "Improving")]
    [InlineData(Signal.Concern, "Concern")]
    [InlineData(Signal.Neutral, "Changing")]
    [InlineData(Signal.Common, "No significant change")]
    [InlineData(Signal.NoData, "No figures")]
    public void A_reading_words_each_signal_the_same_way_everywhere(Signal signal, string words) =>
        Assert.Equal(words, new Reading(signal, "").SignalWords);

    [Fact]
    public void A_reading_of_too_short_a_series_says_so_in_its_own_periods()
    {
        var reading = Reading.OfSeries([60, 62], Polarity.Up, "Reading", "year", "years", 4);
        Assert.Equal(Signal.Few, reading.Signal);
        Assert.Equal("Too few years", reading.SignalWords);
        Assert.Null(reading.SignalIcon);
    }

    [Fact]
    public void A_reading_of_a_high_improvement_carries_its_icon_letter()
    {
        var reading = Reading.OfSeries([50, 51, 49, 50, 52, 50, 51, 49, 50, 70], Polarity.Up, "Reading", "year", "years", 4);
        Assert.Equal(Signal.Improvement, reading.Signal);
        Assert.Equal("H", reading.SignalLetter);
        Assert.Equal("improvement", reading.Tone);
    }
}
