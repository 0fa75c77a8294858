using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Evidence;

/// <summary>Adds one piece of evidence to a record the acting person may change. Nothing is stored if any field is wrong.</summary>
public sealed class AddEvidence(AppDbContext db, EvidenceOwners owners, ReadEvidence read, TimeProvider clock)
{
    public async Task<Outcome<EvidenceView>> HandleAsync(EvidenceOwner kind, int ownerId, EvidenceInput input, CancellationToken ct)
    {
        var owner = await owners.FindAsync(kind, ownerId, ct);
        if (owner is null)
        {
            return Outcome<EvidenceView>.NotFound();
        }
        if (!owner.CanChange)
        {
            return Outcome<EvidenceView>.Forbidden();
        }
        var problems = new Problems();
        var evidence = await EvidenceChecks.CheckAsync(db, input, null, null, problems, ct);
        if (evidence is null)
        {
            return Outcome<EvidenceView>.Invalid(problems);
        }
        var item = evidence.AttachTo(kind, ownerId, owner.TrustId, owner.SchoolId, clock.UtcNow(), db.Scope.PersonId, await ActingPerson.NameAsync(db, ct));
        db.Evidence.Add(item);
        await db.SaveChangesAsync(ct);
        return Outcome<EvidenceView>.Ok((await read.ForAsync(kind, [ownerId], ct))[ownerId].Single(e => e.Id == item.Id));
    }
}
