using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stepwise.Features.Trusts;

public sealed class TrustConfiguration : IEntityTypeConfiguration<Trust>
{
    public void Configure(EntityTypeBuilder<Trust> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        // Not unique: a trust is not told what other trusts are called.
        builder.HasIndex(t => t.Name);
        builder.Property(t => t.CompanyNumber).HasMaxLength(8);
        builder.Property(t => t.PseudonymSecret).HasMaxLength(32);
        builder.Property(t => t.Key).HasMaxLength(40);
        builder.HasIndex(t => t.Key).IsUnique();
        // A group is one trust: two trusts with the same GIAS group would be the same trust twice.
        builder.HasIndex(t => t.GiasGroupUid).IsUnique();
    }
}
