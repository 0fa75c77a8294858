namespace Stepwise.Common.Charts;

/// <summary>A linear scale from data to pixels, from a round number to a round number in about five round steps.</summary>
public sealed record LinearScale(double Min, double Max, double Step, double From, double To)
{
    public double this[double value] => From + (value - Min) / (Max - Min) * (To - From);

    public IEnumerable<double> Ticks()
    {
        for (var t = Min; t <= Max + Step / 2; t += Step)
        {
            yield return Math.Round(t, 9);
        }
    }

    /// <summary>A scale over these values (at least one), mapped onto pixels <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static LinearScale Nice(IEnumerable<double> values, double from, double to, int steps = 5)
    {
        var list = values.ToList();
        var (min, max) = (list.Min(), list.Max());
        if (max - min < 1e-9)
        {
            var pad = Math.Abs(min) > 1e-9 ? Math.Abs(min) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
        }
        var raw = (max - min) / steps;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normal = raw / magnitude;
        var step = (normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10) * magnitude;
        return new LinearScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step, from, to);
    }
}

/// <summary>A legend drawn inside the chart (so the PNG carries it too): a row of swatches, each with its words.</summary>
public static class Legend
{
    public enum Swatch { Dot, Diamond, Line, Box }

    public sealed record Entry(Swatch Swatch, string Paint, string Words);

    /// <summary>Lays the entries out from the left, wrapping at <paramref name="width"/>; returns the marks and the height used.</summary>
    public static (List<Mark> Marks, double Height) Row(IEnumerable<Entry> entries, double left, double top, double width)
    {
        var marks = new List<Mark>();
        var (x, y) = (left, top + 12);
        foreach (var e in entries)
        {
            var room = 22 + ChartText.Width(e.Words, 13) + 18;
            if (x + room > left + width && x > left)
            {
                (x, y) = (left, y + 22);
            }
            marks.Add(e.Swatch switch
            {
                Swatch.Dot => new CircleMark(x + 7, y - 4, 6, "chart__key") { Paint = e.Paint },
                Swatch.Diamond => new PathMark([(x + 7, y - 12), (x + 15, y - 4), (x + 7, y + 4), (x - 1, y - 4)], true, "chart__key") { Paint = e.Paint },
                Swatch.Line => new LineMark(x, y - 4, x + 16, y - 4, "chart__key") { Paint = e.Paint },
                _ => new RectMark(x, y - 10, 14, 12, "chart__key") { Paint = e.Paint },
            });
            marks.Add(new TextMark(x + 22, y, e.Words, "chart__legend") { Decorative = true });
            x += room;
        }
        return (marks, y - top + 8);
    }
}
