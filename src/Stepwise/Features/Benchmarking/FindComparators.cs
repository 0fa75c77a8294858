using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Comparators;
using Stepwise.Data;

namespace Stepwise.Features.Benchmarking;

/// <summary>A member of a comparator set with the context that makes the likeness visible.</summary>
public sealed record ComparatorMember(
    int Urn, string Name, double Distance, int? Pupils, double? FsmPercent, double? SenPercent, string? LocalAuthority, string? Region);

/// <summary>
/// A school's similar schools: the school itself first (distance 0), then up to 29 others, nearest first.
/// <paramref name="FilledWithMedian"/> names the school's own inputs that were not published and took the phase's
/// median (the DfE method's rule), so that the set is read with that caveat.
/// </summary>
public sealed record ComparatorSetView(int Urn, string Name, string Phase, WeightsView Weights, bool SpecialMethod, IReadOnlyList<ComparatorMember> Members,
    IReadOnlyList<string> FilledWithMedian)
{
    /// <summary>What the DfE's special-school method does, and what Stepwise can and cannot do of it (one sentence, every page and the CLI).</summary>
    public const string SpecialMethodText = "Chosen by the DfE method for special schools: other special schools closest on pupils (60%) and free school meals (40%). "
        + "The DfE also matches special schools on their mix of primary needs; Stepwise holds no school-level figures for primary needs, so they are not used.";

    public ComparatorMember School => Members[0];

    public IEnumerable<ComparatorMember> Others => Members.Skip(1);

    /// <summary>A sentence when some of the school's own inputs were filled with the phase median; null when none was.</summary>
    public string? Caveat => FilledWithMedian.Count == 0 ? null
        : $"{Name} has no published figure for {string.Join(" or ", FilledWithMedian)}: the middle value of all {Phase.ToLowerInvariant()} schools was used in its place (the DfE method's rule), so these schools are similar on the other figures only.";
}

/// <summary>What was found: the set, or why there is none (a sentence for a person).</summary>
public sealed record ComparatorLookup(ComparatorSetView? Set, string? WhyNot);

/// <summary>
/// The comparator set of any open school in the imported register (public national data), with the weights given:
/// the school's whole phase is computed at once and cached (<see cref="ComparatorCache"/>).
/// </summary>
public sealed class FindComparators(AppDbContext db, ComparatorCache cache)
{
    public async Task<ComparatorLookup> HandleAsync(int urn, WeightsView weights, CancellationToken ct)
    {
        var pool = await cache.PoolAsync(db, ct);
        if (pool.Find(urn) is not { } school)
        {
            return new ComparatorLookup(null, await WhyNotAsync(urn, ct));
        }
        if (school.Pupils is null && school.FsmPercent is null)
        {
            return new ComparatorLookup(null,
                $"{school.Name} (URN {urn}) has no published number of pupils and no free school meals figure: similar schools cannot be chosen for it. Import the latest register or census.");
        }
        var sets = await cache.SetsAsync(pool, school.Phase, weights.ToWeights(), ct);
        return new ComparatorLookup(View(sets, pool.Locate(urn)!.Value.Index, weights), null);
    }

    /// <summary>The set of the school at <paramref name="index"/> of computed phase sets.</summary>
    public static ComparatorSetView View(PhaseSets sets, int index, WeightsView weights)
    {
        var school = sets.Schools[index];
        var set = sets.Sets[index];
        // FBIT gives no set when no other school can be a comparator; the school itself is still listed first.
        IEnumerable<Comparator> members = set.Members.Count == 0 ? [new Comparator(set.Urn, index, 0)] : set.Members;
        var special = sets.Phase == BenchmarkPhase.Special;
        List<string> filled = [];
        if (school.Pupils is null) { filled.Add("number of pupils"); }
        if (school.FsmPercent is null) { filled.Add("free school meals"); }
        if (school.SenPercent is null && !special && weights.Sen > 0) { filled.Add("SEN"); }
        return new ComparatorSetView(school.Urn, school.Name, school.Phase, weights, special,
            [.. members.Select(m => Member(sets.Schools[m.Index], m.Distance))], filled);
    }

    private static ComparatorMember Member(PoolSchool s, double distance) =>
        new(s.Urn, s.Name, Math.Round(distance, 6), s.Pupils, s.FsmPercent, s.SenPercent, s.LocalAuthority, s.Region);

    private async Task<string> WhyNotAsync(int urn, CancellationToken ct)
    {
        var known = await db.ReferenceSchools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (known is null)
        {
            return await db.ReferenceSchools.AnyAsync(ct)
                ? $"URN {urn} is not in the imported school register."
                : $"URN {urn} is not known: no school register has been imported yet (stepwise import register FILE).";
        }
        if (!ComparatorPool.IsOpen(known.Status))
        {
            return $"{known.Name} (URN {urn}) is {known.Status?.ToLowerInvariant() ?? "closed"}{(known.ClosedOn is { } on ? $" since {on:d MMMM yyyy}" : "")}: similar schools are found for open schools only.";
        }
        return $"{known.Name} (URN {urn}) is a {known.Type?.ToLowerInvariant() ?? "school"} ({known.Phase ?? "no phase"}): only state-funded schools with a phase are compared.";
    }
}
