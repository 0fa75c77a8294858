using Microsoft.AspNetCore.Identity;
using Stepwise.Data;

namespace Stepwise.Features.People;

/// <summary>A member of staff, governor or reviewer with an account. The email address is the user name.</summary>
public sealed class Person : IdentityUser<int>, ITrustOwned
{
    public int TrustId { get; set; }
    public required string DisplayName { get; set; }
    public string? JobTitle { get; set; }

    /// <summary>Set when an administrator gave the person a temporary password.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
