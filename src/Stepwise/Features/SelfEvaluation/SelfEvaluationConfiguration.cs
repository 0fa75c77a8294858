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
        builder.HasIndex(j => new { j.SchoolId, j.UnitId, j.FrameworkAreaId, j.JudgedOn });
    }
}
