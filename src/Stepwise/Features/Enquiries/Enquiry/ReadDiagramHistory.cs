using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// What changed on an enquiry's driver diagram, newest first, read from the audit log (every write of a
/// <see cref="DriverNode"/> is audited by the database context): who, when, which box, and what changed. Boxes taken
/// off the diagram are listed too, with their dates: nothing the team once drew is lost.
/// </summary>
public sealed class ReadDiagramHistory(AppDbContext db, EnquiryAccess access)
{
    /// <param name="What">"Added", "Changed" or "Taken off the diagram".</param>
    public sealed record Change(DateTime At, string Who, int NodeId, string Node, string Kind, string What, string Details);

    public sealed record RemovedBox(int Id, string Kind, string Text, DateTime RemovedAt, int Cycles);

    public sealed record History(int EnquiryId, string Title, IReadOnlyList<Change> Changes, IReadOnlyList<RemovedBox> Removed);

    public async Task<History?> ForEnquiryAsync(int enquiryId, CancellationToken ct)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, _))
        {
            return null;
        }
        var nodes = await db.DriverNodes.AsNoTracking().Where(n => n.EnquiryId == enquiryId).ToListAsync(ct);
        var keys = nodes.Select(n => n.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var byKey = nodes.ToDictionary(n => n.Id.ToString(CultureInfo.InvariantCulture));
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(DriverNode) && keys.Contains(a.EntityKey))
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        var people = entries.Select(a => a.PersonId).OfType<int>().Distinct().ToList();
        var names = await db.Users.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var changes = entries.Select(a =>
        {
            var node = byKey[a.EntityKey];
            var what = a.Action switch
            {
                "Created" => "Added",
                "Updated" when a.Summary.StartsWith("RemovedAt: (none)", StringComparison.Ordinal) || a.Summary.Contains("; RemovedAt: (none) →", StringComparison.Ordinal) => "Taken off the diagram",
                "Deleted" => "Deleted",
                _ => "Changed",
            };
            var who = a.PersonId is int id && names.TryGetValue(id, out var name) ? name : a.Actor;
            return new Change(a.At, who, node.Id, node.Text, EditDriverDiagram.Code(node.Kind), what, a.Summary);
        }).ToList();
        var removedIds = nodes.Where(n => n.RemovedAt is not null).Select(n => n.Id).ToList();
        var cycles = await db.PdsaCycles.Where(c => removedIds.Contains(c.ChangeIdeaId)).GroupBy(c => c.ChangeIdeaId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var removed = nodes.Where(n => n.RemovedAt is not null).OrderByDescending(n => n.RemovedAt).ThenBy(n => n.Id)
            .Select(n => new RemovedBox(n.Id, EditDriverDiagram.Code(n.Kind), n.Text, n.RemovedAt!.Value, cycles.GetValueOrDefault(n.Id))).ToList();
        return new History(enquiry.Id, enquiry.Title, changes, removed);
    }
}
