namespace Stepwise.Features.Enquiries;

/// <summary>The boxes <c>_DiagramBoxes.cshtml</c> lists, and whether the reader may plan cycles from them.</summary>
public sealed record DiagramList(int EnquiryId, IReadOnlyList<DiagramBox> Boxes, bool CanEdit);
