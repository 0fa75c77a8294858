namespace Stepwise.Features.Evidence;

/// <summary>What the evidence use cases need to know about the thing evidence is attached to.</summary>
/// <param name="CanChange">Whether the acting person may add evidence to it or remove its evidence.</param>
public sealed record EvidenceOwnerAccess(int TrustId, int? SchoolId, bool CanChange);

/// <summary>
/// A feature whose records carry evidence registers one of these (see ADR 0066): it finds a record the acting person
/// may see, and says whether they may change its evidence. Null means not found, or not visible to them.
/// </summary>
public interface IEvidenceOwner
{
    EvidenceOwner Kind { get; }

    Task<EvidenceOwnerAccess?> FindAsync(int id, CancellationToken ct);
}

/// <summary>The registered owners, by kind.</summary>
public sealed class EvidenceOwners(IEnumerable<IEvidenceOwner> owners)
{
    public Task<EvidenceOwnerAccess?> FindAsync(EvidenceOwner kind, int id, CancellationToken ct) =>
        owners.FirstOrDefault(o => o.Kind == kind)?.FindAsync(id, ct)
        ?? throw new InvalidOperationException($"No feature registered evidence owners of kind {kind}.");
}
