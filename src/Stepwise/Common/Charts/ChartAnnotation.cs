namespace Stepwise.Common.Charts;

/// <summary>A dated event marked on a run chart at the period that contains it ("PDSA 2 started"), with a link to it.</summary>
public sealed record ChartAnnotation(DateOnly On, string Label, string? Url);
