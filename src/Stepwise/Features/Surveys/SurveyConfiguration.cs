using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Features.Visits;

namespace Stepwise.Features.Surveys;

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Introduction).HasMaxLength(2000);
        builder.Property(s => s.LinkToken).HasMaxLength(40);
        builder.HasIndex(s => s.LinkToken).IsUnique();
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Distribution).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<School>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Survey>().WithMany().HasForeignKey(s => s.PreviousRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(500);
        builder.Property(q => q.BankCode).HasMaxLength(80);
        builder.Property(q => q.Scale).HasMaxLength(80);
        builder.Property(q => q.Options).HasMaxLength(2000);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(q => new { q.SurveyId, q.Position });
        builder.Ignore(q => q.OptionList);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.StaffRole).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.SurveyId);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.Property(a => a.Choices).HasMaxLength(200);
        builder.Property(a => a.Text).HasMaxLength(2000);
        builder.Property(a => a.Number).HasPrecision(18, 4);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.QuestionId);
    }
}

public sealed class SurveyCodeConfiguration : IEntityTypeConfiguration<SurveyCode>
{
    public void Configure(EntityTypeBuilder<SurveyCode> builder)
    {
        builder.Property(c => c.Group).HasMaxLength(40);
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.HasIndex(c => new { c.SurveyId, c.Hash }).IsUnique();
        builder.HasOne<Survey>().WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveySettingsConfiguration : IEntityTypeConfiguration<SurveySettings>
{
    public void Configure(EntityTypeBuilder<SurveySettings> builder)
    {
        builder.HasOne<Trust>().WithMany().HasForeignKey(s => s.TrustId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TrustId).IsUnique();
    }
}

public sealed class YouSaidWeDidConfiguration : IEntityTypeConfiguration<YouSaidWeDid>
{
    public void Configure(EntityTypeBuilder<YouSaidWeDid> builder)
    {
        builder.Property(y => y.YouSaid).HasMaxLength(1000);
        builder.Property(y => y.WeDid).HasMaxLength(2000);
        builder.Property(y => y.Owner).HasMaxLength(120);
        builder.Property(y => y.Source).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<School>().WithMany().HasForeignKey(y => y.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(y => y.SurveyQuestionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<GovernorVisit>().WithMany().HasForeignKey(y => y.GovernorVisitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Stepwise.Features.Plans.PlanAction>().WithMany().HasForeignKey(y => y.PlanActionId).OnDelete(DeleteBehavior.SetNull);
    }
}
