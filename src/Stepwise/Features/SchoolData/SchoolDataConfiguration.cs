using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Pupils;
using Stepwise.Features.Reference;
using Stepwise.Features.Schools;

namespace Stepwise.Features.SchoolData;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Subject).HasMaxLength(60);
        builder.Property(a => a.Period).HasMaxLength(20);
        builder.Property(a => a.ResultType).HasMaxLength(20);
        builder.Property(a => a.Result).HasMaxLength(20);
        // The natural key: one result per pupil, subject and period.
        builder.HasIndex(a => new { a.PupilId, a.Subject, a.Period }).IsUnique();
        builder.HasIndex(a => new { a.SchoolId, a.Subject });
        builder.HasOne<Pupil>().WithMany().HasForeignKey(a => a.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DataImport>().WithMany().HasForeignKey(a => a.DataImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PupilAttendanceYearConfiguration : IEntityTypeConfiguration<PupilAttendanceYear>
{
    public void Configure(EntityTypeBuilder<PupilAttendanceYear> builder)
    {
        // A pupil's year at a school: a pupil who moves to another school of the trust has a year at each (ADR 0070).
        // The school leads, as every reader takes a school's attendance whole (ADR 0070, 0062).
        builder.HasIndex(a => new { a.SchoolId, a.PupilId, a.AcademicYear }).IsUnique();
        builder.HasOne<Pupil>().WithMany().HasForeignKey(a => a.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the import (ADR 0070): the row names the last of the imports its marks name, and those
        // carry no key either (ADR 0070). Imports are never deleted. Checked a row at a time, the key cost PostgreSQL
        // 0.1 to 0.2 s for a million marks' 30,000 years.
    }
}

public sealed class BehaviourIncidentConfiguration : IEntityTypeConfiguration<BehaviourIncident>
{
    public void Configure(EntityTypeBuilder<BehaviourIncident> builder)
    {
        builder.Property(b => b.Reference).HasMaxLength(60);
        builder.Property(b => b.Category).HasMaxLength(60);
        builder.HasIndex(b => new { b.SchoolId, b.Reference }).IsUnique();
        builder.HasOne<Pupil>().WithMany().HasForeignKey(b => b.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<School>().WithMany().HasForeignKey(b => b.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DataImport>().WithMany().HasForeignKey(b => b.DataImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DataImportConfiguration : IEntityTypeConfiguration<DataImport>
{
    public void Configure(EntityTypeBuilder<DataImport> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(20);
        builder.Property(d => d.FileName).HasMaxLength(260);
        builder.Property(d => d.Hash).HasMaxLength(64);
        builder.Property(d => d.Actor).HasMaxLength(256);
        builder.HasIndex(d => new { d.SchoolId, d.Kind, d.Hash });
        builder.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MetricValueConfiguration : IEntityTypeConfiguration<MetricValue>
{
    public void Configure(EntityTypeBuilder<MetricValue> builder)
    {
        builder.Property(v => v.MetricKey).HasMaxLength(60);
        builder.Property(v => v.Group).HasMaxLength(30);
        builder.Property(v => v.Period).HasMaxLength(20);
        builder.Property(v => v.PeriodKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Missing).HasMaxLength(20);
        builder.HasIndex(v => new { v.SchoolId, v.MetricKey, v.Group, v.Period }).IsUnique();
        builder.HasOne<Metric>().WithMany().HasForeignKey(v => v.MetricKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(v => v.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DataImport>().WithMany().HasForeignKey(v => v.DataImportId).OnDelete(DeleteBehavior.Restrict);
    }
}
