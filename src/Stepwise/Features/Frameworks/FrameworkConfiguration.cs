using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Frameworks;

public sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.Property(f => f.Key).HasMaxLength(60);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.Property(f => f.Origin).HasMaxLength(20);
        builder.Property(f => f.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(f => new { f.TrustId, f.Key }).IsUnique();
        builder.HasOne<Trust>().WithMany().HasForeignKey(f => f.TrustId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.Property(v => v.Notes).HasMaxLength(1000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.HasIndex(v => new { v.FrameworkId, v.Number }).IsUnique();
        builder.HasOne<Framework>().WithMany().HasForeignKey(v => v.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Areas).WithOne().HasForeignKey(a => a.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Grades).WithOne().HasForeignKey(g => g.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FrameworkAreaConfiguration : IEntityTypeConfiguration<FrameworkArea>
{
    public void Configure(EntityTypeBuilder<FrameworkArea> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(60);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.Group).HasMaxLength(200);
        builder.Property(a => a.Scale).HasMaxLength(60);
        builder.Property(a => a.AppliesWhere).HasMaxLength(200);
        builder.Property(a => a.MapsFrom).HasMaxLength(500);
        builder.HasIndex(a => new { a.FrameworkVersionId, a.Key }).IsUnique();
        builder.Ignore(a => a.MapsFromKeys);
    }
}

public sealed class FrameworkGradeConfiguration : IEntityTypeConfiguration<FrameworkGrade>
{
    public void Configure(EntityTypeBuilder<FrameworkGrade> builder)
    {
        builder.Property(g => g.Scale).HasMaxLength(60);
        builder.Property(g => g.ScaleName).HasMaxLength(200);
        builder.Property(g => g.Key).HasMaxLength(60);
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.HasIndex(g => new { g.FrameworkVersionId, g.Scale, g.Key }).IsUnique();
    }
}
