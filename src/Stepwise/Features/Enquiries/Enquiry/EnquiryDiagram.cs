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
/// The enquiry's driver diagram as the page lists it, the API returns it and the CSV export writes it — and, once
/// <c>Common/Charts/DriverDiagram</c> is on main, as the data the drawing is made from: one tree from the one read.
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
}
