using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;

namespace Stepwise.Features.Plans;

/// <summary>A plan's priorities carry evidence of their progress and impact; whoever may change the plan may change it.</summary>
public sealed class PriorityEvidenceOwner(AppDbContext db, AccessControl access) : IEvidenceOwner
{
    public EvidenceOwner Kind => EvidenceOwner.Priority;

    public async Task<EvidenceOwnerAccess?> FindAsync(int id, CancellationToken ct)
    {
        var priority = await db.Priorities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null || !await access.CanAsync(Permission.ViewSchool, priority.SchoolId, ct))
        {
            return null;
        }
        return new EvidenceOwnerAccess(priority.TrustId, priority.SchoolId, await access.CanAsync(Permission.EditPlans, priority.SchoolId, ct));
    }
}
