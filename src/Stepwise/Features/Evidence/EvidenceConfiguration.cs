using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Evidence;

public sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.Property(e => e.OwnerKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Url).HasMaxLength(1000);
        builder.Property(e => e.MetricKey).HasMaxLength(60);
        builder.Property(e => e.Group).HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // The owner is a kind and an id, not a foreign key (ADR 0066): the use cases check it exists and may be changed.
        builder.HasIndex(e => new { e.OwnerKind, e.OwnerId });
    }
}
