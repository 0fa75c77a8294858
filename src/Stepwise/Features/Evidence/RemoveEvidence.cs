using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Evidence;

/// <summary>
/// Removes one piece of evidence from the record it supports, for someone who may change that record. The audit log
/// keeps what it was, who removed it and when.
/// </summary>
public sealed class RemoveEvidence(AppDbContext db, EvidenceOwners owners)
{
    public async Task<Outcome<EvidenceView>> HandleAsync(int evidenceId, CancellationToken ct)
    {
        var item = await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId, ct);
        var owner = item is null ? null : await owners.FindAsync(item.OwnerKind, item.OwnerId, ct);
        if (item is null || owner is null)
        {
            return Outcome<EvidenceView>.NotFound();
        }
        if (!owner.CanChange)
        {
            return Outcome<EvidenceView>.Forbidden();
        }
        db.Evidence.Remove(item);
        await db.SaveChangesAsync(ct);
        return Outcome<EvidenceView>.Ok(EvidenceView.Of(item, null));
    }
}
