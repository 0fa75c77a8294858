using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Data;

namespace Stepwise.Features.People;

/// <summary>
/// A one-time link that lets a person choose their password and sign in (there is no mail server: the link is
/// printed, or shown to the administrator, to pass on). Only a SHA-256 hash of its token is stored.
/// </summary>
public sealed class Invitation : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PersonId { get; set; }

    /// <summary>SHA-256 of the token, in hex: the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
