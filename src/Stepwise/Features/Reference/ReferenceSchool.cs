using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stepwise.Features.Reference;

/// <summary>A school as the DfE register (Get Information About Schools) describes it: any school in England.</summary>
public sealed class ReferenceSchool
{
    public int Urn { get; set; }
    public required string Name { get; set; }
    public required string LaCode { get; set; }
    public string? LocalAuthority { get; set; }
    public string? Type { get; set; }
    public string? Phase { get; set; }
    public string? Status { get; set; }
    public string? Region { get; set; }
    public string? Postcode { get; set; }
    public int? Pupils { get; set; }
    public double? PercentFreeSchoolMeals { get; set; }

    /// <summary>Pupils whose first language is known or believed to be other than English (%), from the school census.</summary>
    public double? PercentEal { get; set; }
    public string? Trust { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int ImportRunId { get; set; }
}

public sealed class ReferenceSchoolConfiguration : IEntityTypeConfiguration<ReferenceSchool>
{
    public void Configure(EntityTypeBuilder<ReferenceSchool> builder)
    {
        builder.HasKey(s => s.Urn);
        builder.Property(s => s.Urn).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.LaCode).HasMaxLength(10);
        builder.Property(s => s.LocalAuthority).HasMaxLength(100);
        builder.Property(s => s.Type).HasMaxLength(100);
        builder.Property(s => s.Phase).HasMaxLength(50);
        builder.Property(s => s.Status).HasMaxLength(50);
        builder.Property(s => s.Region).HasMaxLength(50);
        builder.Property(s => s.Postcode).HasMaxLength(10);
        builder.Property(s => s.Trust).HasMaxLength(200);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.ImportRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.Phase, s.Status });
    }
}

/// <summary>
/// A school in the DfE's RISE programme (Regional Improvement for Standards and Excellence), as the latest list
/// imported names it: the list is a snapshot, so a new list replaces the one before.
/// </summary>
public sealed class RiseSchool
{
    public int Urn { get; set; }
    public required string Name { get; set; }
    public string? Region { get; set; }
    public string? LocalAuthority { get; set; }
    public string? Phase { get; set; }
    public string? Type { get; set; }
    public int ImportRunId { get; set; }
}

public sealed class RiseSchoolConfiguration : IEntityTypeConfiguration<RiseSchool>
{
    public void Configure(EntityTypeBuilder<RiseSchool> builder)
    {
        builder.HasKey(s => s.Urn);
        builder.Property(s => s.Urn).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Region).HasMaxLength(50);
        builder.Property(s => s.LocalAuthority).HasMaxLength(100);
        builder.Property(s => s.Phase).HasMaxLength(50);
        builder.Property(s => s.Type).HasMaxLength(100);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}
