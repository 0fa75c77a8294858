using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Frameworks;
using Stepwise.Features.People;
using Stepwise.Features.Schools;

namespace Stepwise.Features.PeerReviews;

public sealed class ReviewScaleConfiguration : IEntityTypeConfiguration<ReviewScale>
{
    public void Configure(EntityTypeBuilder<ReviewScale> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Notes).HasMaxLength(1000);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasMany(s => s.Points).WithOne().HasForeignKey(p => p.ReviewScaleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TrustId, s.Number }).IsUnique();
    }
}

public sealed class ReviewScalePointConfiguration : IEntityTypeConfiguration<ReviewScalePoint>
{
    public void Configure(EntityTypeBuilder<ReviewScalePoint> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(80);
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.HasIndex(p => new { p.ReviewScaleId, p.Key }).IsUnique();
    }
}

public sealed class PeerReviewConfiguration : IEntityTypeConfiguration<PeerReview>
{
    public void Configure(EntityTypeBuilder<PeerReview> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.AreaOfExcellence).HasMaxLength(1000);
        builder.Property(r => r.AreaOfExcellenceFinding).HasMaxLength(4000);
        builder.Property(r => r.Strengths).HasMaxLength(4000);
        builder.Property(r => r.NextSteps).HasMaxLength(4000);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReviewScale>().WithMany().HasForeignKey(r => r.ReviewScaleId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PeerReviewerConfiguration : IEntityTypeConfiguration<PeerReviewer>
{
    public void Configure(EntityTypeBuilder<PeerReviewer> builder)
    {
        builder.HasOne<PeerReview>().WithMany().HasForeignKey(r => r.PeerReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(r => r.FromSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PeerReviewId, r.PersonId }).IsUnique();
    }
}

public sealed class PeerReviewAreaConfiguration : IEntityTypeConfiguration<PeerReviewArea>
{
    public void Configure(EntityTypeBuilder<PeerReviewArea> builder)
    {
        builder.Property(a => a.Estimate).HasMaxLength(80);
        builder.Property(a => a.Rationale).HasMaxLength(4000);
        builder.HasOne<PeerReview>().WithMany().HasForeignKey(a => a.PeerReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(a => a.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PeerReviewId, a.FrameworkAreaId }).IsUnique();
    }
}
