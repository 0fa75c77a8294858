using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Frameworks;
using Stepwise.Features.People;

namespace Stepwise.Features.TrustEvaluation;

public sealed class TrustJudgementConfiguration : IEntityTypeConfiguration<TrustJudgement>
{
    public void Configure(EntityTypeBuilder<TrustJudgement> builder)
    {
        builder.Property(j => j.Grade).HasMaxLength(80);
        builder.Property(j => j.Strengths).HasMaxLength(4000);
        builder.Property(j => j.AreasForDevelopment).HasMaxLength(4000);
        builder.Property(j => j.By).HasMaxLength(200);
        builder.HasOne<FrameworkArea>().WithMany().HasForeignKey(j => j.FrameworkAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(j => j.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(j => new { j.TrustId, j.FrameworkAreaId, j.JudgedOn });
    }
}
