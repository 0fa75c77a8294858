using Stepwise.Data;

namespace Stepwise.Features.Audit;

/// <summary>One write (or one read of pupil-level data): who, when, what, which record, and what changed.</summary>
public sealed class AuditEntry : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public DateTime At { get; set; }
    public int? PersonId { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Summary { get; set; }
}

public sealed class AuditEntryConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.Entity).HasMaxLength(60);
        builder.Property(a => a.EntityKey).HasMaxLength(60);
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.HasIndex(a => new { a.TrustId, a.At });
    }
}
