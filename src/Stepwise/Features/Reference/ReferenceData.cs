namespace Stepwise.Features.Reference;

/// <summary>
/// A measure in the metric catalogue, shared by every trust: national measures and the measures derived from a
/// school's own pupil data. National reference data is public, so these tables carry no trust id.
/// </summary>
public sealed class Metric
{
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }

    /// <summary>up (higher is better), down or neutral.</summary>
    public required string Polarity { get; set; }

    public required string Source { get; set; }

    /// <summary>What the metric is measured for: "school" (published figures) or "pupil-group" (derived from pupil data, for all pupils and each group).</summary>
    public string Level { get; set; } = "school";
}

/// <summary>One published figure for a school, a local authority or England, in one academic year.</summary>
public sealed class ReferenceValue
{
    public long Id { get; set; }
    public required string MetricKey { get; set; }

    /// <summary>The calendar year the academic year ends in: 2018 is 2017/18.</summary>
    public int Year { get; set; }

    public RecordType RecordType { get; set; }

    /// <summary>The school's URN; none for local-authority and England rows.</summary>
    public int? Urn { get; set; }

    /// <summary>The local authority's code ("850"); "NAT" for England rows.</summary>
    public required string Area { get; set; }

    public double? Value { get; set; }

    /// <summary>Why there is no value: the DfE's marker (SUPP, NE, NA, LOWCOV …) or "blank".</summary>
    public string? Missing { get; set; }

    public int ImportRunId { get; set; }
}

/// <summary>Where figures came from: which file (and its SHA-256), who imported it, when, and what happened.</summary>
public sealed class ImportRun : Imports.IImportedFile
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public int? Year { get; set; }
    public required string FileName { get; set; }
    public required string Hash { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }
    public int Read { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int ValuesAdded { get; set; }
    public int ValuesChanged { get; set; }
}
