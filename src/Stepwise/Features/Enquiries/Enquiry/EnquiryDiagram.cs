using Stepwise.Common;
using Stepwise.Common.Charts;

namespace Stepwise.Features.Enquiries;

/// <summary>A box of the driver diagram with the boxes under it, in their order.</summary>
/// <param name="Cycles">How many PDSA cycles tested it (change ideas).</param>
public sealed record DiagramBox(int Id, DriverNodeKind Kind, string Text, int? Impact, int? Ease, int Position, int Cycles, IReadOnlyList<DiagramBox> Children)
{
    /// <summary>Impact × ease, 1 to 9, for a rated change idea.</summary>
    public int? Priority => Impact * Ease;
}

/// <summary>The driver diagram as a tree: the aim on the left, its primary drivers, their secondary drivers and the change ideas.</summary>
public sealed record DiagramTree(string Aim, IReadOnlyList<DiagramBox> Primaries)
{
    public IEnumerable<DiagramBox> All() => Primaries.SelectMany(Flatten);

    private static IEnumerable<DiagramBox> Flatten(DiagramBox box) => box.Children.SelectMany(Flatten).Prepend(box);
}

/// <summary>
/// The enquiry's driver diagram as the page lists it, the API returns it, the CSV export writes it and
/// <see cref="DriverDiagram"/> draws it: one tree from the one read.
/// </summary>
public static class EnquiryDiagram
{
    public static DiagramTree Build(EnquiryView view)
    {
        var cycles = view.Cycles.GroupBy(c => c.Cycle.ChangeIdeaId).ToDictionary(g => g.Key, g => g.Count());
        var byParent = view.Nodes.ToLookup(n => n.ParentId);
        DiagramBox Box(DriverNode n) => new(n.Id, n.Kind, n.Text, n.Impact, n.Ease, n.Position, cycles.GetValueOrDefault(n.Id),
            byParent[n.Id].OrderBy(c => c.Position).ThenBy(c => c.Id).Select(Box).ToList());
        return new DiagramTree(view.Enquiry.Aim, byParent[null].OrderBy(n => n.Position).ThenBy(n => n.Id).Select(Box).ToList());
    }

    /// <summary>
    /// The drawing: each change idea links to its latest cycle (or to planning one) and notes where that cycle stands
    /// ("PDSA 2: adopt", "PDSA 3 under way", "PDSA 1 planned").
    /// </summary>
    public static Chart Draw(EnquiryView view)
    {
        var tree = Build(view);
        var latest = view.Cycles.GroupBy(c => c.Cycle.ChangeIdeaId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Cycle.Number).Last().Cycle);
        DriverDiagramNode Node(DiagramBox box)
        {
            var cycle = latest.GetValueOrDefault(box.Id);
            var level = box.Kind switch
            {
                DriverNodeKind.PrimaryDriver => DriverDiagramLevel.PrimaryDriver,
                DriverNodeKind.SecondaryDriver => DriverDiagramLevel.SecondaryDriver,
                _ => DriverDiagramLevel.ChangeIdea,
            };
            var idea = box.Kind == DriverNodeKind.ChangeIdea;
            return new DriverDiagramNode(box.Id, level, box.Text, [.. box.Children.Select(Node)], box.Impact, box.Ease,
                !idea ? null : cycle is null ? null : $"/enquiries/{view.Enquiry.Id}/cycles/{cycle.Id}",
                !idea || cycle is null ? null : cycle.Decision is { } d ? $"PDSA {cycle.Number}: {Codes.Of(d)}" : cycle.StartsOn > view.Today ? $"PDSA {cycle.Number} planned" : $"PDSA {cycle.Number} under way");
        }
        return DriverDiagram.Draw($"driver-diagram-{view.Enquiry.Id}", $"Driver diagram: {view.Enquiry.Title}", tree.Aim, [.. tree.Primaries.Select(Node)]);
    }

    /// <summary>What a measure's limits rest on, in words, for the caption under its chart.</summary>
    public static string LimitsCaption(MeasureView measure) => measure.BaselinePoints is int n
        ? $"Mean (solid line) and process limits (dashed) from the {n} points before the first cycle watching this measure started: what follows is read against them."
        : "Mean (solid line) and process limits (dashed) from every point, the same reading as every metric.";
}
