using System.Xml.Linq;
using Stepwise.Common.Charts;

namespace Stepwise.Tests.Features.Charts;

/// <summary>
/// A driver diagram is drawn through the one chart path: aim, primary drivers, secondary drivers and change ideas in
/// four columns joined by elbow lines, boxes that never overlap, words that wrap, the tree read out in its text
/// alternative and one row per node in its data; SVG for the page (with links) and PNG for print.
/// </summary>
public sealed class DrawingDriverDiagrams
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<RectMark> Boxes(Chart chart) => [.. chart.Scene.Marks.OfType<RectMark>().Where(r => r.Class.StartsWith("dd__box", StringComparison.Ordinal))];

    private static void AssertNoBoxesOverlapAndAllFit(Chart chart)
    {
        var boxes = Boxes(chart);
        foreach (var (a, i) in boxes.Select((b, i) => (b, i)))
        {
            Assert.True(a.X >= 0 && a.Y >= 0 && a.X + a.Width <= chart.Scene.Width && a.Y + a.Height <= chart.Scene.Height, $"A box runs out of the diagram: {a}");
            foreach (var b in boxes.Skip(i + 1))
            {
                Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"Boxes overlap: {a.Tooltip} and {b.Tooltip}");
            }
        }
        // Every line of words sits inside its box, at the widest the PNG's font takes.
        foreach (var text in chart.Scene.Marks.OfType<TextMark>().Where(t => !t.Class.StartsWith("dd__heading", StringComparison.Ordinal) && t.Class != "dd__none"))
        {
            var look = Palette.Of(text.Style, text: true);
            var box = boxes.SingleOrDefault(b => b.X <= text.X && text.X < b.X + b.Width && b.Y <= text.Y && text.Y <= b.Y + b.Height);
            Assert.True(box is not null, $"\"{text.Text}\" is in no box.");
            Assert.True(text.X + ChartText.Width(text.Text, look.FontSize!.Value, look.Bold == true) <= box.X + box.Width, $"\"{text.Text}\" runs out of its box.");
            Assert.True(text.Y + 4 <= box.Y + box.Height, $"\"{text.Text}\" runs off the bottom of its box.");
        }
    }

    [Fact]
    public void Three_primary_five_secondary_and_eight_change_ideas_are_drawn_in_four_columns_without_overlapping()
    {
        var chart = ChartSamples.Diagram();
        var boxes = Boxes(chart);
        Assert.Equal(1 + 3 + 5 + 8, boxes.Count);
        Assert.Equal(4, boxes.Select(b => b.X).Distinct().Count());
        Assert.Single(boxes, b => b.Class.Contains("dd__aim", StringComparison.Ordinal));
        Assert.Equal(3, boxes.Count(b => b.Class.Contains("dd__primary", StringComparison.Ordinal)));
        Assert.Equal(5, boxes.Count(b => b.Class.Contains("dd__secondary", StringComparison.Ordinal)));
        Assert.Equal(8, boxes.Count(b => b.Class.Contains("dd__idea", StringComparison.Ordinal)));
        Assert.Equal(RunChart.Width, chart.Scene.Width);
        AssertNoBoxesOverlapAndAllFit(chart);
        // Columns run left to right: the aim, then primary drivers, secondary drivers and change ideas.
        Assert.True(boxes.Single(b => b.Class.Contains("dd__aim", StringComparison.Ordinal)).X < boxes.First(b => b.Class.Contains("dd__primary", StringComparison.Ordinal)).X);
        Assert.True(boxes.First(b => b.Class.Contains("dd__secondary", StringComparison.Ordinal)).X < boxes.First(b => b.Class.Contains("dd__idea", StringComparison.Ordinal)).X);
    }

    [Fact]
    public void Every_node_is_joined_to_its_parent_by_an_elbow_line_from_its_right_side_to_the_childs_left()
    {
        var chart = ChartSamples.Diagram();
        var boxes = Boxes(chart);
        var links = chart.Scene.Marks.OfType<PathMark>().Where(p => p.Class == "dd__link").ToList();
        Assert.Equal(3 + 5 + 8, links.Count);   // one per node under the aim
        foreach (var link in links)
        {
            Assert.Equal(4, link.Points.Count);
            var (from, to) = (link.Points[0], link.Points[^1]);
            Assert.Equal(from.Y, link.Points[1].Y);
            Assert.Equal(link.Points[1].X, link.Points[2].X);
            Assert.Equal(to.Y, link.Points[2].Y);
            Assert.Single(boxes, b => Math.Abs(b.X + b.Width - from.X) < 0.01 && Math.Abs(b.Y + b.Height / 2 - from.Y) < 0.01);
            Assert.Single(boxes, b => Math.Abs(b.X - to.X) < 0.01 && Math.Abs(b.Y + b.Height / 2 - to.Y) < 0.01);
        }
        // "A daily log of who read aloud" hangs straight off its primary driver, across the secondary column.
        var log = boxes.Single(b => b.Tooltip!.StartsWith("A daily log", StringComparison.Ordinal));
        var primary = boxes.Single(b => b.Tooltip == "Daily practice reading aloud");
        Assert.Contains(links, l => Math.Abs(l.Points[0].X - (primary.X + primary.Width)) < 0.01 && Math.Abs(l.Points[^1].Y - (log.Y + log.Height / 2)) < 0.01
            && Math.Abs(l.Points[^1].X - log.X) < 0.01);
    }

    [Fact]
    public void A_change_idea_shows_its_impact_and_ease_in_words_with_a_badge_and_its_note()
    {
        var chart = ChartSamples.Diagram();
        var texts = chart.Scene.Marks.OfType<TextMark>().ToList();
        Assert.Contains(texts, t => t.Class == "dd__rating" && t.Text == "Impact high · Ease high");
        Assert.Contains(texts, t => t.Class == "dd__rating" && t.Text == "Impact high · Ease low");
        Assert.Contains(texts, t => t.Class == "dd__note" && t.Text == "PDSA 2: adapt");
        // One filled cell of nine for each of the eight rated ideas.
        Assert.Equal(8 * 9, chart.Scene.Marks.OfType<RectMark>().Count(r => r.Class.StartsWith("dd__cell", StringComparison.Ordinal)));
        Assert.Equal(8, chart.Scene.Marks.OfType<RectMark>().Count(r => r.Class == "dd__cell dd__cell--on"));
        var echo = Boxes(chart).Single(b => b.Tooltip!.StartsWith("Echo reading", StringComparison.Ordinal));
        Assert.Equal("Echo reading for ten minutes after lunch. Impact high, ease high. PDSA 2: adapt", echo.Tooltip);
    }

    [Fact]
    public void The_text_alternative_reads_the_tree_in_words()
    {
        var chart = ChartSamples.Diagram();
        Assert.Equal(
            $"Aim: {ChartSamples.Aim}. "
            + "Primary driver 1: Daily practice reading aloud. "
            + "Secondary driver 1.1: Teachers model fluent reading aloud. "
            + "Change idea: Echo reading for ten minutes after lunch (impact high, ease high; PDSA 2: adapt). "
            + "Change idea: Paired reading with Year 5 reading buddies (impact medium, ease low). "
            + "Secondary driver 1.2: Books matched to each pupil's phonics stage. "
            + "Change idea: Audit the book bands in every Year 3 class (impact medium, ease high; PDSA 1: adopt). "
            + "Change idea: A daily log of who read aloud (impact low, ease high). "
            + "Primary driver 2: Teachers' expertise in teaching fluency. "
            + "Secondary driver 2.1: Coaching on prosody and expression. "
            + "Change idea: Fortnightly instructional coaching cycles (impact high, ease low; Being tested: PDSA 1). "
            + "Change idea: Video clips of fluent reading for staff meetings (impact medium, ease medium). "
            + "Secondary driver 2.2: A shared assessment of fluency, with no change ideas yet. "
            + "Primary driver 3: Pupils' motivation to read. "
            + "Secondary driver 3.1: Choice in what pupils read. "
            + "Change idea: A class library vote each half-term (impact low, ease medium). "
            + "Change idea: Reading ambassadors from Year 6 (impact medium, ease medium; PDSA 1: abandon).",
            chart.Alternative);
    }

    [Fact]
    public void The_data_has_one_row_per_node_with_its_level_parent_rating_and_note()
    {
        var chart = ChartSamples.Diagram();
        Assert.Equal(["Level", "Text", "Parent", "Impact", "Ease", "Note"], chart.Data.Columns);
        Assert.Equal(17, chart.Data.Rows.Count);
        Assert.Equal(["Aim", ChartSamples.Aim, null, null, null, null], chart.Data.Rows[0]);
        Assert.Equal(["Primary driver", "Daily practice reading aloud", ChartSamples.Aim, null, null, null], chart.Data.Rows[1]);
        Assert.Equal(["Secondary driver", "Teachers model fluent reading aloud", "Daily practice reading aloud", null, null, null], chart.Data.Rows[2]);
        Assert.Equal(["Change idea", "Echo reading for ten minutes after lunch", "Teachers model fluent reading aloud", "high", "high", "PDSA 2: adapt"], chart.Data.Rows[3]);
        Assert.Contains(chart.Data.Rows, r => r.SequenceEqual(new object?[] { "Change idea", "A daily log of who read aloud", "Daily practice reading aloud", "low", "high", null }));
        Assert.Contains(chart.Data.Rows, r => r.SequenceEqual(new object?[] { "Secondary driver", "A shared assessment of fluency", "Teachers' expertise in teaching fluency", null, null, null }));
        Assert.Equal(8, chart.Data.Rows.Count(r => (string?)r[0] == "Change idea"));
    }

    [Fact]
    public void A_diagram_with_only_its_aim_says_it_has_no_drivers_yet_and_still_draws()
    {
        var chart = DriverDiagram.Draw("empty", "Our aim", "Attendance of persistently absent pupils above 90% by Easter", []);
        Assert.Equal("Aim: Attendance of persistently absent pupils above 90% by Easter. No drivers yet.", chart.Alternative);
        Assert.Single(Boxes(chart));
        Assert.Single(chart.Data.Rows);
        Assert.Contains(chart.Scene.Marks.OfType<TextMark>(), t => t.Text == "No drivers yet");
        Assert.Empty(chart.Scene.Marks.OfType<PathMark>());
        AssertNoBoxesOverlapAndAllFit(chart);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], ChartPng.Render(chart)[..4]);
        Assert.Equal("img", (string?)XDocument.Parse(ChartSvg.Render(chart)).Root!.Attribute("role"));
    }

    [Fact]
    public void Long_words_wrap_and_the_diagram_grows_downwards_not_wider()
    {
        var words = "Pupils who have fallen behind in the autumn term are heard reading aloud by an adult at least three times each week, "
            + "with a short note of the words they stumbled on passed to their class teacher";
        var short_ = DriverDiagram.Draw("short", "Short", "An aim", [new(1, DriverDiagramLevel.PrimaryDriver, "Practice", [new(2, DriverDiagramLevel.ChangeIdea, "Read aloud", [], 2, 2)])]);
        var long_ = DriverDiagram.Draw("long", "Long", "An aim", [new(1, DriverDiagramLevel.PrimaryDriver, "Practice", [new(2, DriverDiagramLevel.ChangeIdea, words, [], 2, 2)])]);
        Assert.Equal(RunChart.Width, long_.Scene.Width);
        Assert.True(long_.Scene.Height > short_.Scene.Height);
        var lines = long_.Scene.Marks.OfType<TextMark>().Where(t => t.Class == "dd__text" && t.X > 500).ToList();
        Assert.True(lines.Count >= 4, $"Expected the change idea to wrap, got {lines.Count} lines.");
        AssertNoBoxesOverlapAndAllFit(long_);
        // A tall primary driver pushes its children down to its middle rather than over another.
        var tall = DriverDiagram.Draw("tall", "Tall", "An aim", [new(1, DriverDiagramLevel.PrimaryDriver, words, [new(2, DriverDiagramLevel.ChangeIdea, "Read aloud", [])]),
            new(3, DriverDiagramLevel.PrimaryDriver, "Second", [new(4, DriverDiagramLevel.ChangeIdea, "Another", [])])]);
        AssertNoBoxesOverlapAndAllFit(tall);
    }

    [Fact]
    public void The_svg_links_each_box_with_a_url_as_one_link_and_the_png_renders()
    {
        var chart = ChartSamples.Diagram();
        var svg = XDocument.Parse(ChartSvg.Render(chart, standalone: true)).Root!;
        var links = svg.Elements(Svg + "a").ToList();
        Assert.Equal(8, links.Count);   // the eight ideas, each once however many lines its words take
        var echo = links.Single(a => (string?)a.Attribute("href") == "/enquiries/12#idea-111");
        Assert.Equal("Echo reading for ten minutes after lunch", string.Join(" ", echo.Elements(Svg + "text").Select(t => t.Value)));

        var png = ChartPng.Render(chart);
        Assert.True(png.Length > 10_000);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Equal((int)Math.Ceiling(chart.Scene.Height * 2), BitConverter.ToInt32([.. png[20..24].Reverse()]));
    }

    [Fact]
    public void A_node_where_its_level_cannot_stand_is_refused_with_its_id_and_words()
    {
        var error = Assert.Throws<ArgumentException>(() => DriverDiagram.Draw("bad", "Bad", "An aim",
            [new(1, DriverDiagramLevel.PrimaryDriver, "Practice", [new(2, DriverDiagramLevel.ChangeIdea, "Read aloud", [new(3, DriverDiagramLevel.ChangeIdea, "Nested", [])])])]));
        Assert.StartsWith("Driver diagram node 2 (\"Read aloud\") is a change idea: it cannot hold other nodes.", error.Message, StringComparison.Ordinal);
        var rating = Assert.Throws<ArgumentException>(() => DriverDiagram.Draw("bad", "Bad", "An aim",
            [new(1, DriverDiagramLevel.PrimaryDriver, "Practice", [new(2, DriverDiagramLevel.ChangeIdea, "Read aloud", [], 4, 1)])]));
        Assert.StartsWith("Driver diagram node 2 (\"Read aloud\"): impact and ease are rated 1 (low) to 3 (high).", rating.Message, StringComparison.Ordinal);
        var level = Assert.Throws<ArgumentException>(() => DriverDiagram.Draw("bad", "Bad", "An aim", [new(5, DriverDiagramLevel.SecondaryDriver, "Loose", [])]));
        Assert.StartsWith("Driver diagram node 5 (\"Loose\") is a secondary driver where a primary driver was expected.", level.Message, StringComparison.Ordinal);
    }

    /// <summary>The samples kept in docs/screenshots, written where STEPWISE_SCREENSHOTS names a folder.</summary>
    [Fact]
    public void The_samples_render_as_pngs_to_look_at()
    {
        var folder = Environment.GetEnvironmentVariable("STEPWISE_SCREENSHOTS");
        foreach (var (name, chart) in new[] { ("driver-diagram-sample", ChartSamples.Diagram()), ("run-chart-annotated-sample", ChartSamples.Annotated()) })
        {
            var png = ChartPng.Render(chart);
            Assert.True(png.Length > 10_000);
            if (!string.IsNullOrWhiteSpace(folder))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, name + ".png"), png);
                File.WriteAllText(Path.Combine(folder, name + ".svg"), ChartSvg.Render(chart, standalone: true));
            }
        }
    }
}
