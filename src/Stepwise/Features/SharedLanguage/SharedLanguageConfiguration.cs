using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.People;
using Stepwise.Features.Schools;

namespace Stepwise.Features.SharedLanguage;

public sealed class LanguageVersionConfiguration : IEntityTypeConfiguration<LanguageVersion>
{
    public void Configure(EntityTypeBuilder<LanguageVersion> builder)
    {
        builder.Property(v => v.Notes).HasMaxLength(1000);
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.LanguageVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.TrustId, v.Number }).IsUnique();
    }
}

public sealed class LanguageItemConfiguration : IEntityTypeConfiguration<LanguageItem>
{
    public void Configure(EntityTypeBuilder<LanguageItem> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Key).HasMaxLength(80);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.Category).HasMaxLength(80);
        builder.Property(i => i.EefStrand).HasMaxLength(80);
        builder.HasIndex(i => new { i.LanguageVersionId, i.Kind, i.Key }).IsUnique();
    }
}

public sealed class ImprovementModelConfiguration : IEntityTypeConfiguration<ImprovementModel>
{
    public void Configure(EntityTypeBuilder<ImprovementModel> builder)
    {
        foreach (var text in new[]
                 {
                     nameof(ImprovementModel.Leadership), nameof(ImprovementModel.HowPupilsLearn), nameof(ImprovementModel.LeadersExpertise),
                     nameof(ImprovementModel.IndividualLearning), nameof(ImprovementModel.TeamLearning), nameof(ImprovementModel.OrganisationalLearning),
                     nameof(ImprovementModel.SharedLanguage), nameof(ImprovementModel.ReviewNote),
                 })
        {
            builder.Property<string?>(text).HasMaxLength(4000);
        }
        builder.Property(m => m.WrittenBy).HasMaxLength(200);
        builder.HasOne<School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.TrustId, m.SchoolId, m.Number }).IsUnique();
    }
}
