using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Evidence;

namespace Stepwise.Features.Enquiries;

/// <summary>A PDSA cycle carries the evidence the team saw, measured and kept: whoever sees the team reads it; whoever may edit the team changes it.</summary>
public sealed class CycleEvidenceOwner(AppDbContext db, EnquiryAccess access) : IEvidenceOwner
{
    public EvidenceOwner Kind => EvidenceOwner.Cycle;

    public async Task<EvidenceOwnerAccess?> FindAsync(int id, CancellationToken ct)
    {
        var cycle = await db.PdsaCycles.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.TrustId, c.SchoolId, c.EnquiryId }).FirstOrDefaultAsync(ct);
        if (cycle is null || await access.ForEnquiryAsync(cycle.EnquiryId, ct) is not var (_, team))
        {
            return null;
        }
        return new EvidenceOwnerAccess(cycle.TrustId, cycle.SchoolId, team.Edit);
    }
}
