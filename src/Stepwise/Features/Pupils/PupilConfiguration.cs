using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Pupils;

public sealed class PupilConfiguration : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(20);
        builder.HasIndex(p => new { p.TrustId, p.Key }).IsUnique();
        builder.HasIndex(p => p.SchoolId);
        builder.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.RecordedHere);
        builder.HasMany(p => p.Characteristics).WithOne().HasForeignKey(c => c.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PupilCharacteristicConfiguration : IEntityTypeConfiguration<PupilCharacteristic>
{
    public void Configure(EntityTypeBuilder<PupilCharacteristic> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Value).HasMaxLength(20);
        builder.HasIndex(c => new { c.PupilId, c.Kind, c.From }).IsUnique();
        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
