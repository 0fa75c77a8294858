using System.Globalization;

namespace Stepwise.Common.Charts;

/// <summary>
/// A diverging stacked bar for one agreement question: disagreement to the left of the midpoint, agreement to the
/// right, the neutral option split across it, each part with its percentage, and the key beneath.
/// </summary>
public static class DivergingBars
{
    private const double Width = 600;
    private const double Half = 290;
    private const double Height = 26;

    /// <param name="options">The answer options from most negative to most positive (five).</param>
    /// <param name="counts">How many chose each option.</param>
    public static Chart Draw(string id, string question, IReadOnlyList<string> options, IReadOnlyList<int> counts)
    {
        var n = counts.Sum();
        var percents = counts.Select(c => n == 0 ? 0 : 100.0 * c / n).ToArray();
        var description = string.Join(", ", percents.Select((p, i) => $"{options[i]} {p.ToString("0", CultureInfo.InvariantCulture)}%"));
        var agree = percents[3] + percents[4];
        var disagree = percents[0] + percents[1];
        var title = $"{question}: {agree.ToString("0", CultureInfo.InvariantCulture)}% agree, {disagree.ToString("0", CultureInfo.InvariantCulture)}% disagree";
        var marks = new List<Mark>();
        const double centre = Width / 2, scale = Half / 100;
        void Segment(int option, double x, double width)
        {
            if (width > 0)
            {
                var percent = $"{percents[option - 1].ToString("0", CultureInfo.InvariantCulture)}%";
                marks.Add(new RectMark(x, 2, width, Height, $"dv-{option}") { Tooltip = $"{options[option - 1]}: {percent}" });
                if (width >= 28)
                {
                    marks.Add(new TextMark(x + width / 2, 2 + Height / 2 + 4.5, percent, option is 1 or 5 ? "dv__percent dv__percent--light" : "dv__percent", Anchor.Middle) { Decorative = true });
                }
            }
        }
        // Left side, from the centre outwards: half of neutral, disagree, strongly disagree; then agree, strongly agree.
        var x = centre - percents[2] / 2 * scale;
        Segment(3, x, percents[2] * scale);
        foreach (var i in new[] { 1, 0 })
        {
            x -= percents[i] * scale;
            Segment(i + 1, x, percents[i] * scale);
        }
        var right = centre + percents[2] / 2 * scale;
        foreach (var i in new[] { 3, 4 })
        {
            Segment(i + 1, right, percents[i] * scale);
            right += percents[i] * scale;
        }
        marks.Add(new LineMark(centre, 0, centre, Height + 4, "axis"));
        var (key, keyHeight) = Legend.Row(options.Select((o, i) => new Legend.Entry(Legend.Swatch.Box, $"dv-{i + 1}", o)), 0, Height + 8, Width);
        marks.AddRange(key);
        var data = new ChartData(["Question", "Answer", "Responses", "Percent"],
            [.. options.Select((o, i) => (IReadOnlyList<object?>)[question, o, counts[i], percents[i]])]);
        return new Chart(id, title, $"{question}: {description}", new Scene(Width, Height + 8 + keyHeight, marks), data) { CssClass = "diverging" };
    }
}
