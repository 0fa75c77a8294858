using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Analytics.Comparators;
using Stepwise.Data;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// A trust's own weights for choosing similar schools, as whole percentages that add up to 100. A trust without one
/// uses the DfE's (50 % pupils, 40 % free school meals, 10 % SEN).
/// </summary>
public sealed class ComparatorWeightSetting : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PupilsPercent { get; set; }
    public int FreeSchoolMealsPercent { get; set; }
    public int SenPercent { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }

    public ComparatorWeights ToWeights() => new(PupilsPercent / 100.0, FreeSchoolMealsPercent / 100.0, SenPercent / 100.0);
}

public sealed class ComparatorWeightSettingConfiguration : IEntityTypeConfiguration<ComparatorWeightSetting>
{
    public void Configure(EntityTypeBuilder<ComparatorWeightSetting> builder)
    {
        builder.ToTable("ComparatorWeightSettings");
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
        // One setting per trust (the central trust-id index is replaced by this unique one).
        builder.HasIndex(s => s.TrustId).IsUnique();
        builder.HasOne<Trust>().WithMany().HasForeignKey(s => s.TrustId).OnDelete(DeleteBehavior.Restrict);
    }
}
