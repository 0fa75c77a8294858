using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Frameworks;
using Stepwise.Features.People;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;

namespace Stepwise.Features.TrustReviews;

public sealed class ReviewPolicyConfiguration : IEntityTypeConfiguration<ReviewPolicy>
{
    public void Configure(EntityTypeBuilder<ReviewPolicy> builder)
    {
        builder.Property(p => p.UniversalName).HasMaxLength(60);
        builder.Property(p => p.TargetedName).HasMaxLength(60);
        builder.Property(p => p.IntensiveName).HasMaxLength(60);
        builder.Property(p => p.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(p => p.TrustId).IsUnique();
    }
}

public sealed class RiskWeightConfiguration : IEntityTypeConfiguration<RiskWeight>
{
    public void Configure(EntityTypeBuilder<RiskWeight> builder)
    {
        builder.Property(w => w.Component).HasMaxLength(60);
        builder.HasIndex(w => new { w.TrustId, w.Component }).IsUnique();
    }
}

public sealed class SchoolReviewConfiguration : IEntityTypeConfiguration<SchoolReview>
{
    public void Configure(EntityTypeBuilder<SchoolReview> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reviewers).HasMaxLength(1000);
        builder.Property(r => r.Focus).HasMaxLength(1000);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TrustId, r.SchoolId, r.ReviewOn });
    }
}

public sealed class ReviewFindingConfiguration : IEntityTypeConfiguration<ReviewFinding>
{
    public void Configure(EntityTypeBuilder<ReviewFinding> builder)
    {
        builder.Property(f => f.Grade).HasMaxLength(80);
        builder.Property(f => f.Finding).HasMaxLength(4000);
        builder.HasOne<SchoolReview>().WithMany().HasForeignKey(f => f.SchoolReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(f => f.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.SchoolReviewId, f.FrameworkAreaId }).IsUnique();
    }
}

public sealed class ReviewFollowUpConfiguration : IEntityTypeConfiguration<ReviewFollowUp>
{
    public void Configure(EntityTypeBuilder<ReviewFollowUp> builder)
    {
        builder.HasOne<SchoolReview>().WithMany().HasForeignKey(f => f.SchoolReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReviewFinding>().WithMany().HasForeignKey(f => f.ReviewFindingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(f => f.PlanActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.PlanActionId).IsUnique();
    }
}

public sealed class SupportTierDecisionConfiguration : IEntityTypeConfiguration<SupportTierDecision>
{
    public void Configure(EntityTypeBuilder<SupportTierDecision> builder)
    {
        builder.Property(d => d.Tier).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.RiskBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.DecidedBy).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.TrustId, d.SchoolId, d.DecidedOn });
    }
}
