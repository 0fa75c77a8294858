using Stepwise.Data;

namespace Stepwise.Features.Accounts;

/// <summary>
/// A signed-in browser session, held on the server: the cookie carries only <see cref="Id"/>.
/// Signing out deletes the row, so a copied cookie stops working at once.
/// </summary>
public sealed class UserSession : ITrustOwned
{
    public required string Id { get; set; }
    public int TrustId { get; set; }
    public int PersonId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
