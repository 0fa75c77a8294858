using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stepwise.Features.Setup;

/// <summary>
/// The one-time code that protects the first-run page while the database has no trust. Printed on the console when
/// the server starts; only its SHA-256 hash is kept. It expires, and is used up when the first trust is created.
/// </summary>
public sealed class SetupCode
{
    public int Id { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

public sealed class SetupCodeConfiguration : IEntityTypeConfiguration<SetupCode>
{
    public void Configure(EntityTypeBuilder<SetupCode> builder)
    {
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.HasIndex(c => c.Hash).IsUnique();
    }
}
