namespace Stepwise.Analytics.Gaps;

/// <summary>The DfE-style disadvantage gap index for one population (methods.md §1.1).</summary>
/// <param name="N">Pupils ranked.</param>
/// <param name="NDisadvantaged">Of whom in the group of interest (e.g. disadvantaged).</param>
/// <param name="MeanRankGroup">Mean mid-rank (1 = lowest score) of the group; null if the group is empty.</param>
/// <param name="MeanRankOthers">Mean mid-rank of everyone else; null if there is nobody else.</param>
/// <param name="Index">
/// 20 × (mean rank of others − mean rank of the group) / N: 0 = no gap, 10 = the group fills the bottom ranks,
/// negative when the group outranks the others. Null when either group is empty.
/// </param>
public sealed record GapIndexResult(int N, int NDisadvantaged, double? MeanRankGroup, double? MeanRankOthers, double? Index);
