using Stepwise.Analytics.Spc;

namespace Stepwise.Common.Charts;

/// <summary>
/// The small drawings beside words: the Making Data Count variation and assurance icons (a ring in the variation's
/// colour with a letter: H or L a high or low signal, ~ no signal, P F ? for assurance) and a sparkline of a series.
/// </summary>
public static class Icons
{
    /// <param name="tone">common, improvement, concern or neutral: the ring's colour.</param>
    public static Scene Icon(string tone, string letter) => new(24, 24,
    [
        new CircleMark(12, 12, 11, $"icon icon--{tone}"),
        new TextMark(12, 16.5, letter, $"icon__letter icon__letter--{tone}", Anchor.Middle),
    ]);

    /// <summary>A small trend line of the values that exist, the last point coloured by its variation.</summary>
    public static Chart Sparkline(string id, string label, IReadOnlyList<(string Period, double Value)> values, Variation latest)
    {
        const double width = 120, height = 28, pad = 3;
        var (min, max) = values.Count == 0 ? (0, 1) : (values.Min(v => v.Value), values.Max(v => v.Value));
        var span = max - min == 0 ? 1 : max - min;
        double X(int i) => values.Count < 2 ? width / 2 : pad + i * (width - 2 * pad) / (values.Count - 1);
        double Y(double v) => height - pad - (v - min) / span * (height - 2 * pad);
        var marks = new List<Mark>();
        if (values.Count > 1)
        {
            marks.Add(new PathMark([.. values.Select((v, i) => (X(i), Y(v.Value)))], false, "sparkline__line"));
        }
        if (values.Count > 0)
        {
            marks.Add(new CircleMark(X(values.Count - 1), Y(values[^1].Value), 3.5, $"sparkline__last variation--{Codes.Of(latest)}"));
        }
        var data = new ChartData(["Period", "Value"], [.. values.Select(v => (IReadOnlyList<object?>)[v.Period, v.Value])]);
        return new Chart(id, label, label, new Scene(width, height, marks), data) { CssClass = "sparkline" };
    }
}
