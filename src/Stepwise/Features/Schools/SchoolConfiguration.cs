using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Schools;

public sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        // A URN is unique within a trust, not across trusts: one trust cannot learn that another holds a URN, nor
        // claim a real school's URN before its own trust adds it.
        builder.HasIndex(s => new { s.TrustId, s.Urn }).IsUnique();
        builder.HasIndex(s => s.Urn);
        builder.HasIndex(s => s.TrustId);
        builder.HasOne<Trust>().WithMany().HasForeignKey(s => s.TrustId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Type).HasMaxLength(100);
        builder.Property(s => s.LocalAuthority).HasMaxLength(100);
        builder.Property(s => s.Postcode).HasMaxLength(10);
        builder.Property(s => s.Phase).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.IsArchived);
    }
}
