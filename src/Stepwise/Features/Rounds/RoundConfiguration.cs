using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Enquiries;
using Stepwise.Features.People;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Rounds;

public sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.ProblemOfPractice).HasMaxLength(2000);
        builder.Property(r => r.Prediction).HasMaxLength(4000);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<LanguageVersion>().WithMany().HasForeignKey(r => r.LanguageVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Support.Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Rounds_MinimumClassrooms", $"\"MinimumClassrooms\" >= {RoundRules.MinimumClassrooms}"));
    }
}

public sealed class RoundSchoolConfiguration : IEntityTypeConfiguration<RoundSchool>
{
    public void Configure(EntityTypeBuilder<RoundSchool> builder)
    {
        builder.HasOne<Round>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.SchoolId }).IsUnique();
    }
}

public sealed class RoundLookForConfiguration : IEntityTypeConfiguration<RoundLookFor>
{
    public void Configure(EntityTypeBuilder<RoundLookFor> builder)
    {
        builder.HasOne<Round>().WithMany().HasForeignKey(l => l.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LanguageItem>().WithMany().HasForeignKey(l => l.LanguageItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.RoundId, l.LanguageItemId }).IsUnique();
    }
}

public sealed class RoundGroupConfiguration : IEntityTypeConfiguration<RoundGroup>
{
    public void Configure(EntityTypeBuilder<RoundGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(80);
        builder.HasOne<Round>().WithMany().HasForeignKey(g => g.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.RoundId, g.Name }).IsUnique();
    }
}

public sealed class RoundObserverConfiguration : IEntityTypeConfiguration<RoundObserver>
{
    public void Configure(EntityTypeBuilder<RoundObserver> builder)
    {
        builder.HasOne<Round>().WithMany().HasForeignKey(o => o.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoundGroup>().WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.RoundId, o.PersonId }).IsUnique();
    }
}

public sealed class RoundNoteConfiguration : IEntityTypeConfiguration<RoundNote>
{
    public void Configure(EntityTypeBuilder<RoundNote> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.TeacherDoing).HasMaxLength(2000);
        builder.Property(n => n.PupilsDoing).HasMaxLength(2000);
        builder.Property(n => n.Task).HasMaxLength(2000);
        builder.Property(n => n.YearGroup).HasMaxLength(40);
        builder.Property(n => n.SubjectArea).HasMaxLength(80);
        builder.HasOne<Round>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoundNoteTagConfiguration : IEntityTypeConfiguration<RoundNoteTag>
{
    public void Configure(EntityTypeBuilder<RoundNoteTag> builder)
    {
        builder.HasOne<RoundNote>().WithMany().HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LanguageItem>().WithMany().HasForeignKey(t => t.LanguageItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.NoteId, t.LanguageItemId }).IsUnique();
    }
}

public sealed class RoundPatternConfiguration : IEntityTypeConfiguration<RoundPattern>
{
    public void Configure(EntityTypeBuilder<RoundPattern> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.HasOne<Round>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoundPatternNoteConfiguration : IEntityTypeConfiguration<RoundPatternNote>
{
    public void Configure(EntityTypeBuilder<RoundPatternNote> builder)
    {
        builder.HasOne<RoundPattern>().WithMany().HasForeignKey(p => p.PatternId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoundNote>().WithMany().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PatternId, p.NoteId }).IsUnique();
    }
}

public sealed class RoundNextStepConfiguration : IEntityTypeConfiguration<RoundNextStep>
{
    public void Configure(EntityTypeBuilder<RoundNextStep> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(1000);
        builder.HasOne<Round>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(s => s.PlanActionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Enquiry>().WithMany().HasForeignKey(s => s.EnquiryId).OnDelete(DeleteBehavior.SetNull);
    }
}
