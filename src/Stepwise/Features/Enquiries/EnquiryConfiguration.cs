using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.People;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Enquiries;

public sealed class LearningTeamConfiguration : IEntityTypeConfiguration<LearningTeam>
{
    public void Configure(EntityTypeBuilder<LearningTeam> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.Purpose).HasMaxLength(1000);
        builder.HasIndex(t => new { t.TrustId, t.Name }).IsUnique();
        builder.HasOne<Support.Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LearningTeamMemberConfiguration : IEntityTypeConfiguration<LearningTeamMember>
{
    public void Configure(EntityTypeBuilder<LearningTeamMember> builder)
    {
        builder.HasOne<LearningTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TeamId, m.PersonId }).IsUnique();
    }
}

public sealed class LearningTeamUnitConfiguration : IEntityTypeConfiguration<LearningTeamUnit>
{
    public void Configure(EntityTypeBuilder<LearningTeamUnit> builder)
    {
        builder.HasOne<LearningTeam>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(u => u.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.TeamId, u.UnitId }).IsUnique();
    }
}

public sealed class EnquiryConfiguration : IEntityTypeConfiguration<Enquiry>
{
    public void Configure(EntityTypeBuilder<Enquiry> builder)
    {
        builder.ToTable("Enquiries");
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.ProblemOfPractice).HasMaxLength(2000);
        builder.Property(e => e.Aim).HasMaxLength(500);
        builder.Property(e => e.TheoryWhen).HasMaxLength(1000);
        builder.Property(e => e.TheoryThen).HasMaxLength(1000);
        builder.HasOne<LearningTeam>().WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plans.PlanAction>().WithMany().HasForeignKey(e => e.PlanActionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.TeamId, e.Title }).IsUnique();
    }
}

public sealed class DriverNodeConfiguration : IEntityTypeConfiguration<DriverNode>
{
    public void Configure(EntityTypeBuilder<DriverNode> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(300);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Enquiry>().WithMany().HasForeignKey(n => n.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DriverNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.EnquiryId, n.Position });
    }
}

public sealed class EnquiryMeasureConfiguration : IEntityTypeConfiguration<EnquiryMeasure>
{
    public void Configure(EntityTypeBuilder<EnquiryMeasure> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.OperationalDefinition).HasMaxLength(2000);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MetricKey).HasMaxLength(100);
        builder.Property(m => m.Group).HasMaxLength(60);
        builder.Property(m => m.Unit).HasMaxLength(20);
        builder.Property(m => m.Polarity).HasMaxLength(20);
        builder.Ignore(m => m.IsTeamMeasure);
        builder.HasOne<Enquiry>().WithMany().HasForeignKey(m => m.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SchoolId, m.MetricKey, m.Group });
    }
}

public sealed class TeamMeasureValueConfiguration : IEntityTypeConfiguration<TeamMeasureValue>
{
    public void Configure(EntityTypeBuilder<TeamMeasureValue> builder)
    {
        builder.Property(v => v.Lesson).HasMaxLength(60);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.Property(v => v.By).HasMaxLength(200);
        builder.HasOne<EnquiryMeasure>().WithMany().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.MeasureId, v.On, v.Lesson }).IsUnique();
    }
}

public sealed class PdsaCycleConfiguration : IEntityTypeConfiguration<PdsaCycle>
{
    public void Configure(EntityTypeBuilder<PdsaCycle> builder)
    {
        builder.ToTable("PdsaCycles");
        builder.Property(c => c.Question).HasMaxLength(1000);
        builder.Property(c => c.Prediction).HasMaxLength(1000);
        builder.Property(c => c.PlanWho).HasMaxLength(500);
        builder.Property(c => c.PlanWhat).HasMaxLength(2000);
        builder.Property(c => c.PlanWhen).HasMaxLength(500);
        builder.Property(c => c.PlanWhere).HasMaxLength(500);
        builder.Property(c => c.WhatHappened).HasMaxLength(4000);
        builder.Property(c => c.Study).HasMaxLength(4000);
        builder.Property(c => c.DecisionNote).HasMaxLength(2000);
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Enquiry>().WithMany().HasForeignKey(c => c.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DriverNode>().WithMany().HasForeignKey(c => c.ChangeIdeaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PdsaCycle>().WithMany().HasForeignKey(c => c.PreviousCycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.EnquiryId, c.Number }).IsUnique();
    }
}

public sealed class CycleMeasureConfiguration : IEntityTypeConfiguration<CycleMeasure>
{
    public void Configure(EntityTypeBuilder<CycleMeasure> builder)
    {
        builder.HasOne<PdsaCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EnquiryMeasure>().WithMany().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CycleId, c.MeasureId }).IsUnique();
    }
}

public sealed class ProgrammeTickConfiguration : IEntityTypeConfiguration<ProgrammeTick>
{
    public void Configure(EntityTypeBuilder<ProgrammeTick> builder)
    {
        builder.Property(t => t.ActivityKey).HasMaxLength(60);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.Property(t => t.By).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.SchoolId, t.ActivityKey }).IsUnique();
    }
}
