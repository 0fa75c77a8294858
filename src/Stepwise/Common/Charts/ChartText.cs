namespace Stepwise.Common.Charts;

/// <summary>
/// How much room a chart's words take, and words broken into lines that fit a box. Widths are estimated from the
/// number of characters at DejaVu Sans's average width (the PNG's font, wider than most page fonts), so text laid out
/// for the PNG also fits the page's SVG.
/// </summary>
public static class ChartText
{
    /// <summary>The width of the text at this font size, in pixels (an estimate on the wide side).</summary>
    public static double Width(string text, double fontSize, bool bold = false) => text.Length * Average(fontSize, bold);

    private static double Average(double fontSize, bool bold) => fontSize * (bold ? 0.65 : 0.58);

    /// <summary>
    /// The text broken at spaces into lines no wider than <paramref name="width"/> (a word too long for a line is cut),
    /// at most <paramref name="maxLines"/>, the last ending in "…" when the text did not fit.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double width, double fontSize, bool bold = false, int maxLines = int.MaxValue)
    {
        var room = Math.Max(2, (int)Math.Floor(width / Average(fontSize, bold)));
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var joined = line.Length == 0 ? rest : $"{line} {rest}";
                if (joined.Length <= room)
                {
                    line = joined;
                    rest = "";
                }
                else if (line.Length > 0)
                {
                    lines.Add(line);
                    line = "";
                }
                else
                {
                    lines.Add(rest[..room]);
                    rest = rest[room..];
                }
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        var last = lines[maxLines - 1];
        lines = lines.Take(maxLines - 1).ToList();
        lines.Add((last.Length + 1 > room ? last[..(room - 1)].TrimEnd() : last) + "…");
        return lines;
    }
}
