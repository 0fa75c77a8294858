namespace Stepwise.Features.Stages;

public sealed record StageInput
{
    /// <summary>stabilise, repair, improve or sustain.</summary>
    public string? Stage { get; init; }

    /// <summary>The day the unit entered the stage; today if left out.</summary>
    public DateOnly? From { get; init; }

    public string? Rationale { get; init; }
    public string? Evidence { get; init; }
}

public sealed record StageChangeView(int Id, string Stage, string StageName, DateOnly From, string Rationale, string? Evidence, string By, DateTime RecordedAt);

public sealed record UnitStage(int UnitId, string Unit, string Kind, int Urn, string School, StageChangeView? Current, List<StageChangeView> History);

public sealed record MovedUnit(int UnitId, string Unit, int Urn, string School, string? FromStage, string ToStage, DateOnly On, string Direction);

public sealed record TrustStages(DateOnly TermStart, Dictionary<string, int> Counts, int NotSet, List<SchoolStageCounts> Schools, List<MovedUnit> Moved);

public sealed record SchoolStageCounts(int Urn, string School, string? WholeSchoolStage, Dictionary<string, int> Counts, int NotSet);
