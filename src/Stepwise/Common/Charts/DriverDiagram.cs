namespace Stepwise.Common.Charts;

/// <summary>Where a node of a driver diagram stands: the aim's primary drivers, theirs secondary drivers, and the change ideas to test.</summary>
public enum DriverDiagramLevel { PrimaryDriver, SecondaryDriver, ChangeIdea }

/// <summary>
/// A node of a driver diagram under its aim. A primary driver holds secondary drivers or change ideas (an idea may
/// hang straight off a primary driver), a secondary driver holds change ideas, a change idea holds nothing. A change
/// idea may be rated for <paramref name="Impact"/> and <paramref name="Ease"/> (1 low, 2 medium, 3 high) and carry a
/// short <paramref name="Note"/> (its cycles: "PDSA 2: adapt"); <paramref name="Url"/> links its box in the SVG.
/// </summary>
public sealed record DriverDiagramNode(int Id, DriverDiagramLevel Level, string Text, IReadOnlyList<DriverDiagramNode> Children,
    int? Impact = null, int? Ease = null, string? Url = null, string? Note = null);

/// <summary>
/// A driver diagram: the aim on the left, then primary drivers, secondary drivers and change ideas in columns to the
/// right, each box joined to its parent by an elbow line. Boxes wrap their words; each subtree takes the height of its
/// leaves, so the diagram grows downwards and keeps <see cref="RunChart.Width"/>. A change idea shows its rating in
/// words ("Impact high · Ease medium") with a small impact-by-ease grid, and its note.
/// </summary>
public static class DriverDiagram
{
    private const double Top = 30;
    private const double Pad = 8;
    private const double Line = 15;
    private const double Font = 12;
    private const double SmallFont = 11;
    private const double SiblingGap = 10;
    private const double PrimaryGap = 18;

    /// <summary>The four columns: x and width (aim, primary drivers, secondary drivers, change ideas).</summary>
    private static readonly (double X, double Width)[] Columns = [(8, 140), (170, 160), (352, 160), (534, 218)];

    private static readonly string[] Headings = ["Aim", "Primary drivers", "Secondary drivers", "Change ideas"];

    /// <exception cref="ArgumentException">A node stands where its level may not (a change idea with children, a secondary driver under the aim).</exception>
    public static Chart Draw(string id, string title, string aim, IReadOnlyList<DriverDiagramNode> primaryDrivers)
    {
        Check(primaryDrivers, DriverDiagramLevel.PrimaryDriver);
        var marks = new List<Mark>();
        for (var c = 0; c < Columns.Length; c++)
        {
            marks.Add(new TextMark(Columns[c].X, 18, Headings[c], "dd__heading") { Decorative = true });
        }

        var boxes = new List<Box>();
        var links = new List<Mark>();
        var aimBox = Measure(aim, null, 0, "dd__box dd__aim", "dd__aim-text", null, null, null);
        var span = 0.0;
        foreach (var (primary, i) in primaryDrivers.Select((p, i) => (p, i)))
        {
            span += (i == 0 ? 0 : PrimaryGap) + Place(primary, Top + span + (i == 0 ? 0 : PrimaryGap), boxes, links, out _);
        }
        // The aim stands level with the middle of its drivers; a long aim pushes them down to its middle.
        var push = Math.Max(0, (aimBox.Height - span) / 2);
        if (push > 0)
        {
            boxes = [.. boxes.Select(b => b with { Y = b.Y + push })];
            links = [.. links.Select(l => l is PathMark p ? p with { Points = [.. p.Points.Select(pt => (pt.X, pt.Y + push))] } : l)];
        }
        aimBox = aimBox with { Y = Top + Math.Max(0, span - aimBox.Height) / 2 };
        var height = Top + Math.Max(span, aimBox.Height);
        foreach (var primary in boxes.Where(b => b.Column == 1))
        {
            links.Add(Elbow(aimBox, primary));
        }
        marks.AddRange(links);
        marks.AddRange(Draw(aimBox));
        foreach (var box in boxes)
        {
            marks.AddRange(Draw(box));
        }
        if (primaryDrivers.Count == 0)
        {
            marks.Add(new TextMark(Columns[1].X, Top + 18, "No drivers yet", "dd__none"));
        }

        var rows = new List<IReadOnlyList<object?>> { new object?[] { "Aim", aim, null, null, null, null } };
        Rows(primaryDrivers, aim, rows);
        var data = new ChartData(["Level", "Text", "Parent", "Impact", "Ease", "Note"], rows);
        return new Chart(id, title, Describe(aim, primaryDrivers), new Scene(RunChart.Width, height + 12, marks), data) { CssClass = "chart__svg driver-diagram" };
    }

    /// <summary>"high", "medium" or "low" for a rating of 3, 2 or 1.</summary>
    public static string Rating(int? rating) => rating switch
    {
        3 => "high",
        2 => "medium",
        1 => "low",
        _ => "not rated",
    };

    /// <summary>A laid-out box: its column, place and size, and the words in it.</summary>
    private sealed record Box(DriverDiagramNode? Node, int Column, double Y, double Height, string Class, string TextClass,
        IReadOnlyList<string> Lines, string? Rating, IReadOnlyList<string> Note, string Tooltip)
    {
        public double X => Columns[Column].X;

        public double Width => Columns[Column].Width;

        public double Middle => Y + Height / 2;
    }

    /// <summary>Lays out a node and everything under it from <paramref name="top"/>; returns the height it takes.</summary>
    private static double Place(DriverDiagramNode node, double top, List<Box> boxes, List<Mark> links, out Box placed)
    {
        var column = node.Level switch { DriverDiagramLevel.PrimaryDriver => 1, DriverDiagramLevel.SecondaryDriver => 2, _ => 3 };
        var box = node.Level switch
        {
            DriverDiagramLevel.PrimaryDriver => Measure(node.Text, node, column, "dd__box dd__primary", "dd__text dd__text--primary", null, null, null),
            DriverDiagramLevel.SecondaryDriver => Measure(node.Text, node, column, "dd__box dd__secondary", "dd__text", null, null, null),
            _ => Measure(node.Text, node, column, "dd__box dd__idea", "dd__text", node.Impact, node.Ease, node.Note),
        };
        if (node.Children.Count == 0)
        {
            placed = box with { Y = top };
            boxes.Add(placed);
            return box.Height;
        }
        // Children first, one under the other; the parent stands level with their middle, or pushes them down to its own.
        var own = new List<Box>();
        var ownLinks = new List<Mark>();
        var children = new List<Box>();
        var span = 0.0;
        foreach (var (child, i) in node.Children.Select((c, i) => (c, i)))
        {
            span += (i == 0 ? 0 : SiblingGap) + Place(child, top + span + (i == 0 ? 0 : SiblingGap), own, ownLinks, out var childBox);
            children.Add(childBox);
        }
        var push = Math.Max(0, (box.Height - span) / 2);
        own = [.. own.Select(b => b with { Y = b.Y + push })];
        ownLinks = [.. ownLinks.Select(l => l is PathMark p ? p with { Points = [.. p.Points.Select(pt => (pt.X, pt.Y + push))] } : l)];
        var taken = Math.Max(span, box.Height);
        placed = box with { Y = top + (taken - box.Height) / 2 };
        boxes.Add(placed);
        foreach (var child in children)
        {
            ownLinks.Add(Elbow(placed, child with { Y = child.Y + push }));
        }
        boxes.AddRange(own);
        links.AddRange(ownLinks);
        return taken;
    }

    /// <summary>A box's words wrapped to its column, its rating and note, and so its height.</summary>
    private static Box Measure(string text, DriverDiagramNode? node, int column, string css, string textCss, int? impact, int? ease, string? note)
    {
        var inner = Columns[column].Width - 2 * Pad;
        var bold = column <= 1;
        var lines = ChartText.Wrap(text, inner, column == 0 ? 13 : Font, bold, maxLines: column == 0 ? 10 : 6);
        var rating = impact is null && ease is null ? null : $"Impact {Rating(impact)} · Ease {Rating(ease)}";
        var noteLines = note is null ? [] : ChartText.Wrap(note, inner, SmallFont, maxLines: 2);
        var height = 7 + lines.Count * Line + (rating is null ? 0 : Line + 2) + noteLines.Count * (Line - 1) + 6;
        var tooltip = string.Join(". ", new[] { text, rating is null ? null : $"Impact {Rating(impact)}, ease {Rating(ease)}", note }.OfType<string>());
        return new Box(node, column, 0, height, css, textCss, lines, rating, noteLines, tooltip);
    }

    private static IEnumerable<Mark> Draw(Box box)
    {
        yield return new RectMark(box.X, box.Y, box.Width, box.Height, box.Class) { Tooltip = box.Tooltip };
        var y = box.Y + 7 + 11;
        foreach (var line in box.Lines)
        {
            yield return new TextMark(box.X + Pad, y, line, box.TextClass) { Link = box.Node?.Url };
            y += Line;
        }
        if (box.Rating is { } rating)
        {
            y += 2;
            if (box.Node is { Impact: int impact and >= 1 and <= 3, Ease: int ease and >= 1 and <= 3 })
            {
                // A 3 by 3 grid, impact up and ease across, with the idea's cell filled: what the words beside it say.
                for (var i = 1; i <= 3; i++)
                {
                    for (var e = 1; e <= 3; e++)
                    {
                        yield return new RectMark(box.X + Pad + (e - 1) * 4.5, y - 11 + (3 - i) * 4.5, 3.5, 3.5, i == impact && e == ease ? "dd__cell dd__cell--on" : "dd__cell");
                    }
                }
            }
            yield return new TextMark(box.X + Pad + 18, y, rating, "dd__rating");
            y += Line;
        }
        foreach (var line in box.Note)
        {
            yield return new TextMark(box.X + Pad, y, line, "dd__note");
            y += Line - 1;
        }
    }

    /// <summary>The line from a parent's right side to a child's left: across half the gap, down or up, and across.</summary>
    private static PathMark Elbow(Box parent, Box child)
    {
        var trunk = parent.X + parent.Width + 11;
        return new PathMark([(parent.X + parent.Width, parent.Middle), (trunk, parent.Middle), (trunk, child.Middle), (child.X, child.Middle)], false, "dd__link");
    }

    private static void Check(IReadOnlyList<DriverDiagramNode> nodes, DriverDiagramLevel level)
    {
        foreach (var node in nodes)
        {
            var allowed = level == DriverDiagramLevel.SecondaryDriver ? node.Level != DriverDiagramLevel.PrimaryDriver : node.Level == level;
            if (!allowed)
            {
                var expected = level == DriverDiagramLevel.SecondaryDriver ? "a secondary driver or a change idea" : $"a {Name(level).ToLowerInvariant()}";
                throw new ArgumentException($"Driver diagram node {node.Id} (\"{node.Text}\") is a {Name(node.Level).ToLowerInvariant()} where {expected} was expected.", nameof(nodes));
            }
            if (node.Level == DriverDiagramLevel.ChangeIdea && node.Children.Count > 0)
            {
                throw new ArgumentException($"Driver diagram node {node.Id} (\"{node.Text}\") is a change idea: it cannot hold other nodes.", nameof(nodes));
            }
            if (node.Impact is < 1 or > 3 || node.Ease is < 1 or > 3)
            {
                throw new ArgumentException($"Driver diagram node {node.Id} (\"{node.Text}\"): impact and ease are rated 1 (low) to 3 (high).", nameof(nodes));
            }
            Check(node.Children, node.Level == DriverDiagramLevel.PrimaryDriver ? DriverDiagramLevel.SecondaryDriver : DriverDiagramLevel.ChangeIdea);
        }
    }


    /// <summary>The diagram in words, read as a tree: the aim, each primary driver numbered, its secondary drivers, their change ideas.</summary>
    private static string Describe(string aim, IReadOnlyList<DriverDiagramNode> primaryDrivers)
    {
        var parts = new List<string> { $"Aim: {aim}." };
        if (primaryDrivers.Count == 0)
        {
            parts.Add("No drivers yet.");
        }
        foreach (var (primary, p) in primaryDrivers.Select((n, i) => (n, i + 1)))
        {
            parts.Add(primary.Children.Count == 0 ? $"Primary driver {p}: {primary.Text}, with no secondary drivers or change ideas yet." : $"Primary driver {p}: {primary.Text}.");
            var s = 0;
            foreach (var child in primary.Children)
            {
                if (child.Level == DriverDiagramLevel.ChangeIdea)
                {
                    parts.Add(Idea(child));
                    continue;
                }
                s++;
                parts.Add(child.Children.Count == 0 ? $"Secondary driver {p}.{s}: {child.Text}, with no change ideas yet." : $"Secondary driver {p}.{s}: {child.Text}.");
                parts.AddRange(child.Children.Select(Idea));
            }
        }
        return string.Join(" ", parts);

        static string Idea(DriverDiagramNode idea)
        {
            var about = new[]
            {
                idea.Impact is null && idea.Ease is null ? null : $"impact {Rating(idea.Impact)}, ease {Rating(idea.Ease)}",
                idea.Note,
            }.OfType<string>().ToList();
            return $"Change idea: {idea.Text}{(about.Count == 0 ? "" : $" ({string.Join("; ", about)})")}.";
        }
    }

    private static void Rows(IReadOnlyList<DriverDiagramNode> nodes, string parent, List<IReadOnlyList<object?>> rows)
    {
        foreach (var node in nodes)
        {
            rows.Add([Name(node.Level), node.Text, parent, node.Impact is null ? null : Rating(node.Impact), node.Ease is null ? null : Rating(node.Ease), node.Note]);
            Rows(node.Children, node.Text, rows);
        }
    }

    /// <summary>"Primary driver", "Secondary driver" or "Change idea".</summary>
    public static string Name(DriverDiagramLevel level) => level switch
    {
        DriverDiagramLevel.PrimaryDriver => "Primary driver",
        DriverDiagramLevel.SecondaryDriver => "Secondary driver",
        _ => "Change idea",
    };
}
