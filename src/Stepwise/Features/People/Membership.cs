using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.People;

/// <summary>
/// A role a person holds at trust scope (no school), school scope (a school) or unit scope (a unit of a school).
/// An external reviewer's membership always ends on a date.
/// </summary>
public sealed class Membership : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PersonId { get; set; }
    public Role Role { get; set; }
    public int? SchoolId { get; set; }
    public int? UnitId { get; set; }

    /// <summary>The last day the role applies; none means until removed.</summary>
    public DateOnly? EndsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsTrustWide => SchoolId is null;

    public bool IsActiveOn(DateOnly day) => EndsOn is null || EndsOn >= day;
}
