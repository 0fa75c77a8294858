using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;

namespace Stepwise.Features.People;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.DisplayName).HasMaxLength(120);
        builder.Property(p => p.JobTitle).HasMaxLength(120);
        builder.HasIndex(p => p.TrustId);
        builder.HasOne<Trust>().WithMany().HasForeignKey(p => p.TrustId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Memberships).WithOne().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PersonId, m.Role, m.SchoolId, m.UnitId }).IsUnique();
        builder.Ignore(m => m.IsTrustWide);
    }
}
