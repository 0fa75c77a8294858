using Stepwise.Features.Evidence;
using Stepwise.Features.PeerReviews;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>What a person sends to record a judgement (the page form and the API body).</summary>
public sealed record JudgementInput
{
    /// <summary>The framework's key, e.g. "ofsted-2025"; its latest version is the one judged against.</summary>
    public string? Framework { get; init; }

    /// <summary>The area's key in that version, e.g. "curriculum-and-teaching".</summary>
    public string? Area { get; init; }

    /// <summary>A unit of the school; none means the whole school.</summary>
    public int? UnitId { get; init; }

    /// <summary>A grade's key or name on the area's scale, e.g. "strong-standard" or "Strong standard".</summary>
    public string? Grade { get; init; }

    /// <summary>self (the default), trust or external.</summary>
    public string? Source { get; init; }

    public string? Strengths { get; init; }
    public string? AreasForDevelopment { get; init; }
    public DateOnly? JudgedOn { get; init; }
    public List<EvidenceInput>? Evidence { get; init; }
}

public sealed record JudgementView(
    int Id,
    string Area,
    string AreaName,
    int FrameworkVersion,
    string Grade,
    string GradeName,
    int Rank,
    int ScaleSize,
    string Source,
    string? Strengths,
    string? AreasForDevelopment,
    DateOnly JudgedOn,
    string By,
    string Unit,
    List<EvidenceView> Evidence);

/// <summary>One area of the framework with the latest judgement from each source and its history (across versions).</summary>
public sealed record AreaJudgements(
    int AreaId,
    string Key,
    string Name,
    string? Group,
    string? Description,
    string? AppliesWhere,
    string Scale,
    List<string> Grades,
    JudgementView? Self,
    JudgementView? Trust,
    JudgementView? External,
    string Agreement,
    List<JudgementView> History)
{
    /// <summary>The latest completed peer review's estimate of the area (whole school only): the third source of judgement.</summary>
    public PeerEstimateView? Peer { get; init; }

    /// <summary>The peer estimate against the school's own judgement (<see cref="ScalePosition"/>): agrees, higher, lower; or none when either is missing.</summary>
    public string PeerAgreement => Peer is null || Self is null || Self.Rank < 1 ? "none"
        : ScalePosition.Code(ScalePosition.Compare(Peer.Rank, Peer.ScaleSize, Self.Rank, Self.ScaleSize));

    /// <summary>How far apart the school and the trust are, in grades; 0 when they agree or one has not judged.</summary>
    public int Gap => Self is null || Trust is null || Self.ScaleSize != Trust.ScaleSize ? 0 : Math.Abs(Self.Rank - Trust.Rank);
}

public sealed record SelfEvaluationView(
    int Urn,
    string SchoolName,
    int UnitId,
    string UnitName,
    bool WholeSchool,
    int FrameworkId,
    string FrameworkKey,
    string FrameworkName,
    int FrameworkVersion,
    List<AreaJudgements> Areas);

/// <summary>One area for a school or unit, as the area page shows it: its judgements and what the reader may record.</summary>
/// <param name="CanRecord">The sources (self, trust, external) the reader may record a judgement from; empty for a reader.</param>
public sealed record SelfEvaluationAreaView(
    int Urn,
    string SchoolName,
    int UnitId,
    string UnitName,
    string FrameworkKey,
    string FrameworkName,
    int FrameworkVersion,
    AreaJudgements Area,
    List<string> CanRecord);
