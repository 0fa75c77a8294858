using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// Judgements carry evidence. Whoever may record a judgement from its source may change its evidence: the school's
/// leaders (or the unit's) for the school's own, the trust's leaders for the trust's and an external review's.
/// </summary>
public sealed class JudgementEvidenceOwner(AppDbContext db, AccessControl access) : IEvidenceOwner
{
    public EvidenceOwner Kind => EvidenceOwner.Judgement;

    public async Task<EvidenceOwnerAccess?> FindAsync(int id, CancellationToken ct)
    {
        var judgement = await db.Judgements.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (judgement is null || !await access.CanAsync(Permission.ViewSchool, judgement.SchoolId, ct))
        {
            return null;
        }
        var canChange = judgement.Source == JudgementSource.Self
            ? await access.CanForUnitAsync(Permission.EditSelfEvaluation, judgement.SchoolId, judgement.UnitId, ct)
            : await access.CanAcrossTrustAsync(Permission.ModerateSchools, ct);
        return new EvidenceOwnerAccess(judgement.TrustId, judgement.SchoolId, canChange);
    }
}
