using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Reference;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Plans;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.AcademicYear).HasMaxLength(7);
        builder.Property(p => p.Summary).HasMaxLength(2000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SchoolId, p.StartsOn });
    }
}

public sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Why).HasMaxLength(2000);
        builder.Property(p => p.Lead).HasMaxLength(120);
        builder.Property(p => p.WhatChanged).HasMaxLength(4000);
        builder.Property(p => p.WhatWeLearned).HasMaxLength(4000);
        builder.Property(p => p.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReviewedBy).HasMaxLength(256);
        builder.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(p => p.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.MetricKey).HasMaxLength(60);
        builder.Property(g => g.Group).HasMaxLength(30);
        // A goal is always on a metric in the catalogue.
        builder.HasOne<Metric>().WithMany().HasForeignKey(g => g.MetricKey).OnDelete(DeleteBehavior.Restrict);
        builder.Property(g => g.Description).HasMaxLength(1000);
        builder.HasOne<Priority>().WithMany().HasForeignKey(g => g.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Owner).HasMaxLength(120);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Cost).HasPrecision(12, 2);
        builder.HasOne<Priority>().WithMany().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.HasOne<Priority>().WithMany().HasForeignKey(m => m.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> builder)
    {
        builder.Property(c => c.Author).HasMaxLength(256);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Priority>().WithMany().HasForeignKey(c => c.PriorityId).OnDelete(DeleteBehavior.Restrict);
    }
}
