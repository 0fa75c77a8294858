using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.People;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class GovernorVisitConfiguration : IEntityTypeConfiguration<GovernorVisit>
{
    public void Configure(EntityTypeBuilder<GovernorVisit> builder)
    {
        builder.Property(v => v.Focus).HasMaxLength(300);
        builder.Property(v => v.Seen).HasMaxLength(4000);
        builder.Property(v => v.Questions).HasMaxLength(4000);
        builder.Property(v => v.Findings).HasMaxLength(4000);
        builder.Property(v => v.FollowUps).HasMaxLength(4000);
        builder.HasOne<School>().WithMany().HasForeignKey(v => v.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.SchoolId, v.VisitedOn });
        builder.HasOne<Stepwise.Features.Plans.Priority>().WithMany().HasForeignKey(v => v.PriorityId).OnDelete(DeleteBehavior.SetNull);
    }
}
