using Stepwise.Data;

namespace Stepwise.Features.Units;

/// <summary>
/// A part of a school that improves as one: the whole school, a year group, a subject, a team, or an area
/// such as SEND or early years. Units nest (maths department inside the curriculum team).
/// </summary>
public sealed class Unit : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public UnitKind Kind { get; set; }
    public required string Name { get; set; }
    public int? ParentUnitId { get; set; }
    public DateTime? ArchivedAt { get; set; }
}

public enum UnitKind
{
    WholeSchool,
    YearGroup,
    Subject,
    Team,
    Area,
}
