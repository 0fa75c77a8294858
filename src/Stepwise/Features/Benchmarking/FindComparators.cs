using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Comparators;
using Stepwise.Data;

namespace Stepwise.Features.Benchmarking;

/// <summary>A member of a comparator set with the context that makes the likeness visible.</summary>
public sealed record ComparatorMember(
    int Urn, string Name, double Distance, int? Pupils, double? FsmPercent, double? SenPercent, string? LocalAuthority, string? Region);

/// <summary>A school's similar schools: the school itself first (distance 0), then up to 29 others, nearest first.</summary>
public sealed record ComparatorSetView(int Urn, string Name, string Phase, WeightsView Weights, bool SpecialMethod, IReadOnlyList<ComparatorMember> Members)
{
    public ComparatorMember School => Members[0];

    public IEnumerable<ComparatorMember> Others => Members.Skip(1);
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
        return new ComparatorSetView(school.Urn, school.Name, school.Phase, weights, sets.Phase == BenchmarkPhase.Special,
            [.. members.Select(m => Member(sets.Schools[m.Index], m.Distance))]);
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
