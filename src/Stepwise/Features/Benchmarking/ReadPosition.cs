using Stepwise.Data;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// A school's position on a measure among its similar schools, chosen with the acting trust's weights and with the
/// trust's own schools marked: what the position page and its API read.
/// </summary>
public sealed class ReadPosition(GetPosition getPosition, TrustWeights trustWeights, AppDbContext db)
{
    /// <param name="IsTrustSchool">The school is one of the acting trust's own.</param>
    public sealed record Position(PositionLookup Lookup, bool IsTrustSchool);

    public async Task<Position> HandleAsync(int urn, string? measure, int? year, CancellationToken ct)
    {
        var trustSchools = await BenchmarkingFeature.TrustSchoolsAsync(db, ct);
        var lookup = await getPosition.HandleAsync(urn, measure, year, await trustWeights.GetAsync(ct), trustSchools, ct);
        return new Position(lookup, trustSchools.ContainsKey(urn));
    }
}
