using Stepwise.Common;

namespace Stepwise.Features.Evidence;

/// <summary>What a person sends to add a piece of evidence (a row of the page form, or the API body).</summary>
public sealed record EvidenceInput
{
    /// <summary>metric, survey, observation, note, link, visit or file; left out, it follows from what is filled in.</summary>
    public string? Kind { get; init; }

    public string? Title { get; init; }

    /// <summary>A web address (https://…) or a page in Stepwise (/schools/…).</summary>
    public string? Url { get; init; }

    /// <summary>For a measure: a metric in the catalogue, e.g. "attendance.overall-absence".</summary>
    public string? MetricKey { get; init; }

    /// <summary>For a measure: "all" (the default) or a pupil group, e.g. "disadvantaged".</summary>
    public string? Group { get; init; }

    public string? Note { get; init; }

    public bool IsEmpty => Text.Clean(Title) is null && Text.Clean(Url) is null && Text.Clean(MetricKey) is null && Text.Clean(Note) is null;
}

/// <summary>A piece of evidence as pages and the API show it. For a measure, the metric's name too.</summary>
public sealed record EvidenceView(
    int Id,
    string Kind,
    string Title,
    string? Url,
    string? MetricKey,
    string? MetricName,
    string? Group,
    string? Note,
    DateOnly AddedOn,
    DateTime AddedAt,
    string By)
{
    public static EvidenceView Of(EvidenceItem e, string? metricName) =>
        new(e.Id, Codes.Of(e.Kind), e.Title, e.Url, e.MetricKey, metricName, e.Group, e.Note, DateOnly.FromDateTime(e.AddedAt), e.AddedAt, e.By);
}

/// <summary>A piece of evidence that has passed <see cref="EvidenceChecks"/>, not yet attached to anything.</summary>
public sealed record CheckedEvidence(EvidenceKind Kind, string Title, string? Url, string? MetricKey, string? Group, string? Note)
{
    public EvidenceItem AttachTo(EvidenceOwner ownerKind, int ownerId, int trustId, int? schoolId, DateTime at, int? personId, string by) => new()
    {
        TrustId = trustId,
        SchoolId = schoolId,
        OwnerKind = ownerKind,
        OwnerId = ownerId,
        Kind = Kind,
        Title = Title,
        Url = Url,
        MetricKey = MetricKey,
        Group = Group,
        Note = Note,
        AddedAt = at,
        PersonId = personId,
        By = by,
    };
}
