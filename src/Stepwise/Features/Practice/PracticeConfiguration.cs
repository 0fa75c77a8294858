using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Practice;

public sealed class SharedResourceConfiguration : IEntityTypeConfiguration<SharedResource>
{
    public void Configure(EntityTypeBuilder<SharedResource> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Url).HasMaxLength(1000);
        builder.Property(r => r.AreaKey).HasMaxLength(80);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TrustId, r.SchoolId });
    }
}

public sealed class PracticeTagConfiguration : IEntityTypeConfiguration<PracticeTag>
{
    public void Configure(EntityTypeBuilder<PracticeTag> builder)
    {
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Strand).HasMaxLength(80);
        builder.HasIndex(t => new { t.TrustId, t.Source, t.SourceId, t.Strand }).IsUnique();
    }
}
