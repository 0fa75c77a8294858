using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.People;
using Stepwise.Features.Schools;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Coaching;

public sealed class CoachingPairConfiguration : IEntityTypeConfiguration<CoachingPair>
{
    public void Configure(EntityTypeBuilder<CoachingPair> builder)
    {
        builder.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.CoachId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.TeacherId, p.CoachId, p.StartedOn }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_CoachingPairs_TwoPeople", "\"TeacherId\" <> \"CoachId\""));
    }
}

public sealed class CoachingStepConfiguration : IEntityTypeConfiguration<CoachingStep>
{
    public void Configure(EntityTypeBuilder<CoachingStep> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Detail).HasMaxLength(4000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CoachingPair>().WithMany().HasForeignKey(s => s.PairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LanguageItem>().WithMany().HasForeignKey(s => s.LanguageItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CoachingCheckBackConfiguration : IEntityTypeConfiguration<CoachingCheckBack>
{
    public void Configure(EntityTypeBuilder<CoachingCheckBack> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(4000);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CoachingPair>().WithMany().HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CoachingStep>().WithMany().HasForeignKey(c => c.StepId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CoachingNoteConfiguration : IEntityTypeConfiguration<CoachingNote>
{
    public void Configure(EntityTypeBuilder<CoachingNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasOne<CoachingPair>().WithMany().HasForeignKey(n => n.PairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
