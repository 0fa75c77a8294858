namespace Stepwise.Data;

/// <summary>
/// A row that belongs to one trust. The trust id is the tenant key: every query is filtered by it
/// (see <see cref="AppDbContext"/>) and it is the distribution key for a later Citus deployment.
/// </summary>
public interface ITrustOwned
{
    int TrustId { get; set; }
}
