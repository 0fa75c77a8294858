using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Support;

public sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(120);
        builder.Property(n => n.Purpose).HasMaxLength(1000);
        builder.Property(n => n.CreatedBy).HasMaxLength(200);
        builder.HasIndex(n => new { n.TrustId, n.Name }).IsUnique();
    }
}

public sealed class NetworkSchoolConfiguration : IEntityTypeConfiguration<NetworkSchool>
{
    public void Configure(EntityTypeBuilder<NetworkSchool> builder)
    {
        builder.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.NetworkId, m.SchoolId }).IsUnique();
    }
}

public sealed class SupportCapacityConfiguration : IEntityTypeConfiguration<SupportCapacity>
{
    public void Configure(EntityTypeBuilder<SupportCapacity> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TrustId, c.SchoolId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_SupportCapacities_EpisodesPerTerm", "\"EpisodesPerTerm\" >= 0"));
    }
}

public sealed class SupportNeedConfiguration : IEntityTypeConfiguration<SupportNeed>
{
    public void Configure(EntityTypeBuilder<SupportNeed> builder)
    {
        builder.Property(n => n.MetricKey).HasMaxLength(100);
        builder.Property(n => n.Description).HasMaxLength(2000);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.RaisedBy).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(n => n.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(n => n.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.TrustId, n.SchoolId, n.Status });
    }
}

public sealed class SupportEpisodeConfiguration : IEntityTypeConfiguration<SupportEpisode>
{
    public void Configure(EntityTypeBuilder<SupportEpisode> builder)
    {
        builder.Property(e => e.MetricKey).HasMaxLength(100);
        builder.Property(e => e.People).HasMaxLength(1000);
        builder.Property(e => e.Aims).HasMaxLength(2000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.AgreedBy).HasMaxLength(200);
        builder.Property(e => e.Impact).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ImpactSentence).HasMaxLength(1000);
        builder.Property(e => e.ImpactNote).HasMaxLength(2000);
        builder.Property(e => e.ImpactRecordedBy).HasMaxLength(200);
        builder.HasOne<SupportNeed>().WithMany().HasForeignKey(e => e.SupportNeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(e => e.GiverSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(e => e.ReceiverSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(e => e.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Network>().WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TrustId, e.GiverSchoolId, e.StartsOn });
        builder.HasIndex(e => new { e.TrustId, e.ReceiverSchoolId, e.StartsOn });
        builder.ToTable(t => t.HasCheckConstraint("CK_SupportEpisodes_GiverIsNotReceiver", "\"GiverSchoolId\" <> \"ReceiverSchoolId\""));
    }
}
