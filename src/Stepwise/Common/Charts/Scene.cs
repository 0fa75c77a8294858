namespace Stepwise.Common.Charts;

/// <summary>Where a text is anchored on its x coordinate.</summary>
public enum Anchor { Start, Middle, End }

/// <summary>
/// One thing drawn on a chart. <see cref="Class"/> names it in the page's SVG (for tests and assistive technology);
/// <see cref="Paint"/> (the class when not given) picks its colours from <see cref="Palette"/>, so the SVG and the PNG
/// look the same. <see cref="Tooltip"/> becomes an SVG <c>title</c> (hover and screen readers); the PNG has none.
/// <see cref="Link"/> makes the mark a link in the SVG (an annotation's cycle, a driver diagram's change idea); the
/// PNG, being print, draws the mark without it.
/// </summary>
public abstract record Mark(string Class)
{
    public string? Paint { get; init; }

    public string? Tooltip { get; init; }

    /// <summary>Where the mark leads (a path in the app, or an http(s) address); SVG only.</summary>
    public string? Link { get; init; }

    public string Style => Paint ?? Class;
}

public sealed record LineMark(double X1, double Y1, double X2, double Y2, string Class) : Mark(Class);

public sealed record RectMark(double X, double Y, double Width, double Height, string Class) : Mark(Class);

public sealed record CircleMark(double Cx, double Cy, double R, string Class) : Mark(Class);

/// <summary>A polyline (open) or a polygon (closed).</summary>
public sealed record PathMark(IReadOnlyList<(double X, double Y)> Points, bool Closed, string Class) : Mark(Class);

/// <summary>A text; <see cref="Decorative"/> text repeats what the chart's description says and is hidden from screen readers.</summary>
public sealed record TextMark(double X, double Y, string Text, string Class, Anchor Anchor = Anchor.Start) : Mark(Class)
{
    public bool Decorative { get; init; }
}

/// <summary>The drawing of a chart: its size in pixels and its marks, back to front.</summary>
public sealed record Scene(double Width, double Height, IReadOnlyList<Mark> Marks);
