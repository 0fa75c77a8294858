namespace Stepwise.Analytics.Comparators;

/// <summary>A member of a comparator set.</summary>
/// <param name="Urn">The member's URN.</param>
/// <param name="Index">The member's position in the phase list passed in.</param>
/// <param name="Distance">Its distance from the target school (0 for the school itself).</param>
public sealed record Comparator(string Urn, int Index, double Distance);

/// <summary>
/// A school's comparator set: the school itself first (distance 0), then its comparators, without duplicates.
/// Empty when no other school in the phase can be a comparator (FBIT produces no set then).
/// </summary>
/// <param name="Urn">The target school's URN.</param>
/// <param name="Members">The school first, then up to <see cref="ComparatorOptions.SetSize"/> − 1 comparators.</param>
public sealed record ComparatorSet(string Urn, IReadOnlyList<Comparator> Members);
