using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stepwise.Features.Reference;

public sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> builder)
    {
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(60);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Unit).HasMaxLength(30);
        builder.Property(m => m.Polarity).HasMaxLength(10);
        builder.Property(m => m.Source).HasMaxLength(200);
        builder.Property(m => m.Level).HasMaxLength(20);
    }
}

public sealed class ReferenceValueConfiguration : IEntityTypeConfiguration<ReferenceValue>
{
    public void Configure(EntityTypeBuilder<ReferenceValue> builder)
    {
        builder.Property(v => v.MetricKey).HasMaxLength(60);
        builder.Property(v => v.Area).HasMaxLength(10);
        builder.Property(v => v.Missing).HasMaxLength(10);
        builder.Property(v => v.RecordType).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Metric>().WithMany().HasForeignKey(v => v.MetricKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(v => v.ImportRunId).OnDelete(DeleteBehavior.Restrict);
        // The natural key: one figure per measure, year, and school (or area for averages).
        builder.HasIndex(v => new { v.MetricKey, v.Year, v.RecordType, v.Area, v.Urn }).IsUnique();
        builder.HasIndex(v => new { v.Urn, v.Year });
    }
}

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Hash).HasMaxLength(64);
        builder.Property(r => r.Actor).HasMaxLength(256);
        builder.HasIndex(r => new { r.Kind, r.Year, r.Hash });
    }
}
