using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>A box of the driver diagram as a form or the API sends it.</summary>
/// <param name="Kind">"primary", "secondary" or "change-idea" (when adding; a box keeps its kind).</param>
/// <param name="ParentId">The driver it hangs off: none for a primary driver.</param>
/// <param name="Position">Its place among the boxes under the same parent, from 1; left empty, it goes last.</param>
public sealed class DriverNodeInput
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public int? ParentId { get; set; }
    public int? Impact { get; set; }
    public int? Ease { get; set; }
    public int? Position { get; set; }
}

/// <summary>
/// Builds and changes an enquiry's driver diagram: adds, renames, re-rates (impact × ease, for change ideas), moves
/// (another parent, another place) and takes boxes off. Nothing is deleted: a box taken off keeps its row with the
/// date (<see cref="DriverNode.RemovedAt"/>), so the cycles that tested it still name it and the audit log holds its
/// history (ADR 0084). A secondary driver hangs off a primary one; a change idea off a primary or a secondary.
/// </summary>
public sealed class EditDriverDiagram(AppDbContext db, EnquiryAccess access, TimeProvider clock)
{
    public static string Code(DriverNodeKind kind) => kind switch
    {
        DriverNodeKind.PrimaryDriver => "primary",
        DriverNodeKind.SecondaryDriver => "secondary",
        _ => "change-idea",
    };

    public static DriverNodeKind? ParseKind(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "primary" or "primary-driver" => DriverNodeKind.PrimaryDriver,
        "secondary" or "secondary-driver" => DriverNodeKind.SecondaryDriver,
        "change-idea" or "idea" or "change" => DriverNodeKind.ChangeIdea,
        _ => null,
    };

    public static string Name(DriverNodeKind kind) => kind switch
    {
        DriverNodeKind.PrimaryDriver => "primary driver",
        DriverNodeKind.SecondaryDriver => "secondary driver",
        _ => "change idea",
    };

    public async Task<Outcome<DriverNode>> AddAsync(int enquiryId, DriverNodeInput input, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<DriverNode, Enquiry>();
        }
        var enquiry = found.Value!;
        var problems = new Problems();
        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            problems.Add("kind", "Choose what the box is: a primary driver, a secondary driver or a change idea.");
        }
        var nodes = await CurrentAsync(enquiryId, ct);
        if (kind is not null)
        {
            Validate(input, kind.Value, nodes, problems);
        }
        if (problems.Any)
        {
            return Outcome<DriverNode>.Invalid(problems);
        }
        var node = new DriverNode
        {
            TrustId = enquiry.TrustId, EnquiryId = enquiryId, Kind = kind!.Value, Text = input.Text!.Trim(), ParentId = input.ParentId,
            Impact = kind == DriverNodeKind.ChangeIdea ? input.Impact : null, Ease = kind == DriverNodeKind.ChangeIdea ? input.Ease : null,
        };
        db.DriverNodes.Add(node);
        Place(node, nodes, input.Position);
        await db.SaveChangesAsync(ct);
        return Outcome<DriverNode>.Ok(node);
    }

    /// <summary>Renames, re-rates and moves a box in one change; its kind stays.</summary>
    public async Task<Outcome<DriverNode>> UpdateAsync(int enquiryId, int nodeId, DriverNodeInput input, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<DriverNode, Enquiry>();
        }
        var nodes = await CurrentAsync(enquiryId, ct);
        var node = nodes.FirstOrDefault(n => n.Id == nodeId);
        if (node is null)
        {
            return Outcome<DriverNode>.NotFound();
        }
        var problems = new Problems();
        if (ParseKind(input.Kind) is { } kind && kind != node.Kind)
        {
            problems.Add("kind", $"A box keeps its kind: this one is a {Name(node.Kind)}. Add a new box and take this one off instead.");
        }
        Validate(input, node.Kind, nodes, problems);
        if (problems.Any)
        {
            return Outcome<DriverNode>.Invalid(problems);
        }
        node.Text = input.Text!.Trim();
        if (node.Kind == DriverNodeKind.ChangeIdea)
        {
            node.Impact = input.Impact;
            node.Ease = input.Ease;
        }
        var moved = node.ParentId != input.ParentId;
        var oldParent = node.ParentId;
        node.ParentId = input.ParentId;
        if (moved || input.Position is not null)
        {
            Place(node, nodes, input.Position);
            if (moved)
            {
                Renumber(nodes.Where(n => n.ParentId == oldParent && n != node).OrderBy(n => n.Position).ToList());
            }
        }
        await db.SaveChangesAsync(ct);
        return Outcome<DriverNode>.Ok(node);
    }

    /// <summary>
    /// Takes a box off the diagram (kept, with the date). A box with boxes under it or with cycles that tested it is
    /// taken off only when <paramref name="confirmed"/>; then the boxes under it go with it.
    /// </summary>
    public async Task<Outcome<DriverNode>> RemoveAsync(int enquiryId, int nodeId, bool confirmed, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found.Pass<DriverNode, Enquiry>();
        }
        var nodes = await CurrentAsync(enquiryId, ct);
        var node = nodes.FirstOrDefault(n => n.Id == nodeId);
        if (node is null)
        {
            return Outcome<DriverNode>.NotFound();
        }
        var going = new List<DriverNode> { node };
        for (var i = 0; i < going.Count; i++)
        {
            going.AddRange(nodes.Where(n => n.ParentId == going[i].Id));
        }
        var ids = going.Select(n => n.Id).ToList();
        var cycles = await db.PdsaCycles.CountAsync(c => ids.Contains(c.ChangeIdeaId), ct);
        if (!confirmed && (going.Count > 1 || cycles > 0))
        {
            var what = new List<string>();
            if (going.Count > 1)
            {
                what.Add($"{Count(going.Count - 1, "box", "boxes")} under it ({string.Join(", ", going.Skip(1).Select(n => $"\"{n.Text}\""))})");
            }
            if (cycles > 0)
            {
                what.Add($"{Count(cycles, "PDSA cycle", "PDSA cycles")} tested {(going.Count > 1 ? "it or them" : "it")}");
            }
            return Outcome<DriverNode>.Invalid(new Problems().Add("confirm",
                $"\"{node.Text}\" has {string.Join(" and ", what)}. Confirm to take {(going.Count > 1 ? "them all" : "it")} off the diagram: "
                + "they stay in its history and the cycles keep their change idea."));
        }
        var now = clock.UtcNow();
        foreach (var n in going)
        {
            n.RemovedAt = now;
        }
        Renumber(nodes.Where(n => n.ParentId == node.ParentId && n != node).OrderBy(n => n.Position).ToList());
        await db.SaveChangesAsync(ct);
        return Outcome<DriverNode>.Ok(node);
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private Task<List<DriverNode>> CurrentAsync(int enquiryId, CancellationToken ct) =>
        db.DriverNodes.Where(n => n.EnquiryId == enquiryId && n.RemovedAt == null).ToListAsync(ct);

    private static void Validate(DriverNodeInput input, DriverNodeKind kind, List<DriverNode> nodes, Problems problems)
    {
        problems.Require("text", input.Text, $"words of the {Name(kind)}", 300);
        var parent = input.ParentId is int parentId ? nodes.FirstOrDefault(n => n.Id == parentId) : null;
        if (input.ParentId is not null && parent is null)
        {
            problems.Add("parentId", "The box to hang it off is not on this enquiry's diagram.");
        }
        else
        {
            switch (kind)
            {
                case DriverNodeKind.PrimaryDriver when parent is not null:
                    problems.Add("parentId", "A primary driver hangs off the aim, not off another box.");
                    break;
                case DriverNodeKind.SecondaryDriver when parent?.Kind != DriverNodeKind.PrimaryDriver:
                    problems.Add("parentId", "A secondary driver hangs off a primary driver: choose one.");
                    break;
                case DriverNodeKind.ChangeIdea when parent is null || parent.Kind == DriverNodeKind.ChangeIdea:
                    problems.Add("parentId", "A change idea hangs off a primary or a secondary driver: choose one.");
                    break;
            }
        }
        if (kind == DriverNodeKind.ChangeIdea)
        {
            foreach (var (field, value, label) in new[] { ("impact", input.Impact, "impact"), ("ease", input.Ease, "ease") })
            {
                if (value is not (null or 1 or 2 or 3))
                {
                    problems.Add(field, $"Rate the {label} 1 (low), 2 or 3 (high), or leave it empty.");
                }
            }
        }
        else if (input.Impact is not null || input.Ease is not null)
        {
            problems.Add(input.Impact is not null ? "impact" : "ease", "Only change ideas are rated for impact and ease.");
        }
        if (input.Position is < 1)
        {
            problems.Add("position", "The place must be 1 or more (1 is first).");
        }
    }

    /// <summary>Puts the box at its place among the boxes under the same parent (last when no place is given) and numbers them 1, 2, 3 ….</summary>
    private static void Place(DriverNode node, List<DriverNode> nodes, int? position)
    {
        var siblings = nodes.Where(n => n.ParentId == node.ParentId && n != node).OrderBy(n => n.Position).ThenBy(n => n.Id).ToList();
        siblings.Insert(Math.Clamp((position ?? int.MaxValue) - 1, 0, siblings.Count), node);
        Renumber(siblings);
    }

    private static void Renumber(List<DriverNode> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].Position != i + 1)
            {
                siblings[i].Position = i + 1;
            }
        }
    }
}
