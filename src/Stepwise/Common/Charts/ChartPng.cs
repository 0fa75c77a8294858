using System.Globalization;
using SkiaSharp;

namespace Stepwise.Common.Charts;

/// <summary>
/// Draws a chart as PNG for print (PDF reports, downloads) with SkiaSharp, from the same <see cref="Scene"/> and
/// <see cref="Palette"/> as the page's SVG, at twice the size for sharp print. Fonts come from the machine (DejaVu Sans on Debian).
/// </summary>
public static class ChartPng
{
    private const float Scale = 2;

    public static byte[] Render(Chart chart) => Render(chart.Scene);

    public static byte[] Render(Scene scene)
    {
        var info = new SKImageInfo((int)Math.Ceiling(scene.Width * Scale), (int)Math.Ceiling(scene.Height * Scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        foreach (var mark in scene.Marks)
        {
            Draw(canvas, mark);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Draw(SKCanvas canvas, Mark mark)
    {
        var look = Palette.Of(mark.Style, mark is TextMark);
        if (mark is TextMark t)
        {
            using var typeface = SKTypeface.FromFamilyName("DejaVu Sans",
                look.Bold == true ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal, SKFontStyleWidth.Normal,
                look.Italic == true ? SKFontStyleSlant.Italic : SKFontStyleSlant.Upright);
            using var font = new SKFont(typeface, (float)(look.FontSize ?? 13));
            using var ink = new SKPaint { Color = Colour(look.Fill ?? Palette.Ink), IsAntialias = true };
            var width = font.MeasureText(t.Text);
            var x = (float)t.X - t.Anchor switch { Anchor.Middle => width / 2, Anchor.End => width, _ => 0 };
            canvas.DrawText(t.Text, x, (float)t.Y, SKTextAlign.Left, font, ink);
            return;
        }
        using var path = new SKPath();
        switch (mark)
        {
            case LineMark l:
                path.MoveTo((float)l.X1, (float)l.Y1);
                path.LineTo((float)l.X2, (float)l.Y2);
                break;
            case RectMark r:
                path.AddRect(SKRect.Create((float)r.X, (float)r.Y, (float)Math.Max(r.Width, 0), (float)Math.Max(r.Height, 0)));
                break;
            case CircleMark c:
                path.AddCircle((float)c.Cx, (float)c.Cy, (float)c.R);
                break;
            case PathMark p when p.Points.Count > 0:
                path.MoveTo((float)p.Points[0].X, (float)p.Points[0].Y);
                foreach (var (x, y) in p.Points.Skip(1))
                {
                    path.LineTo((float)x, (float)y);
                }
                if (p.Closed)
                {
                    path.Close();
                }
                break;
        }
        if (mark is not LineMark && look.Fill is { } fill && fill != "none")
        {
            using var paint = new SKPaint { Color = Colour(fill), Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawPath(path, paint);
        }
        if (look.Stroke is { } stroke)
        {
            using var paint = new SKPaint { Color = Colour(stroke), Style = SKPaintStyle.Stroke, StrokeWidth = (float)(look.StrokeWidth ?? 1), IsAntialias = true };
            if (look.Dash is { } dash)
            {
                paint.PathEffect = SKPathEffect.CreateDash(dash.Split(' ').Select(d => float.Parse(d, CultureInfo.InvariantCulture)).ToArray(), 0);
            }
            canvas.DrawPath(path, paint);
        }
    }

    private static SKColor Colour(string hex) => SKColor.Parse(hex);
}
