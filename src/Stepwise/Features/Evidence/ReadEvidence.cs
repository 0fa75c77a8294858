using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Evidence;

/// <summary>The evidence attached to one record, or to many records of a kind at once (for a page that lists them).</summary>
public sealed class ReadEvidence(AppDbContext db, EvidenceOwners owners)
{
    /// <summary>One record's evidence, oldest first; null when the record is not found or not visible.</summary>
    public async Task<List<EvidenceView>?> HandleAsync(EvidenceOwner kind, int ownerId, CancellationToken ct) =>
        await owners.FindAsync(kind, ownerId, ct) is null ? null : (await ForAsync(kind, [ownerId], ct)).GetValueOrDefault(ownerId, []);

    /// <summary>The evidence of records the caller has already found visible, by record id; oldest first.</summary>
    public async Task<Dictionary<int, List<EvidenceView>>> ForAsync(EvidenceOwner kind, IReadOnlyCollection<int> ownerIds, CancellationToken ct)
    {
        if (ownerIds.Count == 0)
        {
            return [];
        }
        var items = await db.Evidence.AsNoTracking().Where(e => e.OwnerKind == kind && ownerIds.Contains(e.OwnerId))
            .OrderBy(e => e.AddedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var keys = items.Where(e => e.MetricKey != null).Select(e => e.MetricKey!).Distinct().ToList();
        var names = keys.Count == 0 ? [] : await db.Metrics.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, m => m.Name, ct);
        return items.GroupBy(e => e.OwnerId)
            .ToDictionary(g => g.Key, g => g.Select(e => EvidenceView.Of(e, e.MetricKey is null ? null : names.GetValueOrDefault(e.MetricKey))).ToList());
    }
}
