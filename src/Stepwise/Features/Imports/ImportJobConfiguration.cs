using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Imports;

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.Importer).HasMaxLength(20);
        builder.Property(j => j.Kind).HasMaxLength(20);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.StoredPath).HasMaxLength(500);
        builder.Property(j => j.Actor).HasMaxLength(256);
        builder.Property(j => j.ClaimedBy).HasMaxLength(100);
        builder.Property(j => j.Stage).HasMaxLength(20);
        builder.Property(j => j.Message).HasMaxLength(500);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(j => j.Finished);
        builder.Ignore(j => j.Percent);
        builder.HasIndex(j => j.Status);
        builder.HasOne<School>().WithMany().HasForeignKey(j => j.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
