using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.SelfEvaluation;

public sealed class JudgementConfiguration : IEntityTypeConfiguration<Judgement>
{
    public void Configure(EntityTypeBuilder<Judgement> builder)
    {
        builder.Property(j => j.Grade).HasMaxLength(60);
        builder.Property(j => j.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Strengths).HasMaxLength(4000);
        builder.Property(j => j.AreasForDevelopment).HasMaxLength(4000);
        builder.Property(j => j.By).HasMaxLength(256);
        builder.HasOne<School>().WithMany().HasForeignKey(j => j.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(j => j.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(j => j.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(j => j.Evidence).WithOne().HasForeignKey(e => e.JudgementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.SchoolId, j.UnitId, j.FrameworkAreaId, j.JudgedOn });
    }
}

public sealed class JudgementEvidenceConfiguration : IEntityTypeConfiguration<JudgementEvidence>
{
    public void Configure(EntityTypeBuilder<JudgementEvidence> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Url).HasMaxLength(1000);
        builder.Property(e => e.MetricKey).HasMaxLength(60);
        builder.Property(e => e.Group).HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(2000);
    }
}
