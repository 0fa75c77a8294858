using System.Globalization;
using Stepwise.Analytics.Spc;
using Stepwise.Common.Charts;

namespace Stepwise.Tests.Features.Charts;

/// <summary>
/// A learning team's driver diagram (3 primary drivers, 5 secondary, 8 change ideas) and a weekly run chart with its
/// cycles marked: the inputs the chart tests draw, and the samples kept in docs/screenshots.
/// </summary>
public static class ChartSamples
{
    public const string Aim = "Reading fluency in Year 3 from 62% to 75% at the expected standard by July 2026";

    private static DriverDiagramNode Idea(int id, string text, int? impact, int? ease, string? note = null) =>
        new(id, DriverDiagramLevel.ChangeIdea, text, [], impact, ease, $"/enquiries/12#idea-{id}", note);

    public static IReadOnlyList<DriverDiagramNode> Drivers() =>
    [
        new(1, DriverDiagramLevel.PrimaryDriver, "Daily practice reading aloud", [
            new(11, DriverDiagramLevel.SecondaryDriver, "Teachers model fluent reading aloud", [
                Idea(111, "Echo reading for ten minutes after lunch", 3, 3, "PDSA 2: adapt"),
                Idea(112, "Paired reading with Year 5 reading buddies", 2, 1),
            ]),
            new(12, DriverDiagramLevel.SecondaryDriver, "Books matched to each pupil's phonics stage", [
                Idea(121, "Audit the book bands in every Year 3 class", 2, 3, "PDSA 1: adopt"),
            ]),
            Idea(13, "A daily log of who read aloud", 1, 3),
        ]),
        new(2, DriverDiagramLevel.PrimaryDriver, "Teachers' expertise in teaching fluency", [
            new(21, DriverDiagramLevel.SecondaryDriver, "Coaching on prosody and expression", [
                Idea(211, "Fortnightly instructional coaching cycles", 3, 1, "Being tested: PDSA 1"),
                Idea(212, "Video clips of fluent reading for staff meetings", 2, 2),
            ]),
            new(22, DriverDiagramLevel.SecondaryDriver, "A shared assessment of fluency", []),
        ]),
        new(3, DriverDiagramLevel.PrimaryDriver, "Pupils' motivation to read", [
            new(31, DriverDiagramLevel.SecondaryDriver, "Choice in what pupils read", [
                Idea(311, "A class library vote each half-term", 1, 2),
                Idea(312, "Reading ambassadors from Year 6", 2, 2, "PDSA 1: abandon"),
            ]),
        ]),
    ];

    public static Chart Diagram() => DriverDiagram.Draw("driver-diagram", "How we will raise reading fluency in Year 3", Aim, Drivers());

    /// <summary>Twelve weeks from Monday 6 January 2025, the percentage of pupils reading aloud daily.</summary>
    public static IReadOnlyList<RunPoint> Weeks()
    {
        double[] values = [41, 44, 40, 43, 42, 45, 52, 55, 58, 57, 60, 62];
        var start = new DateOnly(2025, 1, 6);
        return [.. values.Select((v, i) =>
        {
            var monday = start.AddDays(7 * i);
            var variation = i >= 6 ? Variation.Improvement : Variation.Common;
            return new RunPoint($"w/c {monday.ToString("d MMM", CultureInfo.GetCultureInfo("en-GB"))}", v, variation, 42.5, 49.1, 35.9,
                i >= 6 ? "run-of-7" : null, monday);
        })];
    }

    public static IReadOnlyList<ChartAnnotation> Cycles() =>
    [
        new(new DateOnly(2024, 12, 2), "Team formed", null),
        new(new DateOnly(2025, 2, 12), "PDSA 1 started", "/enquiries/12#cycle-33"),
        new(new DateOnly(2025, 2, 14), "PDSA 1: adapt", "/enquiries/12#cycle-33"),
        new(new DateOnly(2025, 2, 17), "PDSA 2 started", "/enquiries/12#cycle-34"),
        new(new DateOnly(2025, 3, 27), "PDSA 2: adopt", "/enquiries/12#cycle-34"),
    ];

    public static Chart Annotated() => RunChart.Draw("run-reading-aloud", "Reading aloud daily rose above its process limits after PDSA 2 started",
        "Run chart of the percentage of pupils reading aloud daily by week.", "%", Weeks(), 60, v => v.ToString("0", CultureInfo.InvariantCulture) + "%", Cycles());
}
