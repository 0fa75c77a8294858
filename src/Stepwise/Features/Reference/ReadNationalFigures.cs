using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Benchmarking;

namespace Stepwise.Features.Reference;

/// <summary>
/// Any school's published national figures by year, each set beside its local authority's average and the England
/// figure for schools like it: the England row is chosen by the file and the school's phase (<see cref="NationalComparison"/>),
/// never the first England row a file happens to hold.
/// </summary>
public sealed class ReadNationalFigures(AppDbContext db)
{
    public sealed record Figure(string Metric, string Name, string Unit, string Polarity, int Year, double? Value, string? Missing,
        double? LocalAverage, double? NationalAverage, string? NationalAverageOf, string Source, string File, DateTime ImportedAt);

    /// <param name="Phase">The phase the school is compared within (Primary, Secondary, Special …), or null when not known.</param>
    /// <param name="PhaseFrom">How the phase was known, or why it is not: a sentence for a person.</param>
    public sealed record SchoolFigures(int Urn, string? LaCode, ReferenceSchool? Register, string? Phase, string PhaseFrom, List<Figure> Measures);

    public async Task<SchoolFigures?> HandleAsync(int urn, CancellationToken ct)
    {
        var rows = await db.ReferenceValues.Where(v => v.Urn == urn)
            .Join(db.Metrics, v => v.MetricKey, m => m.Key, (v, m) => new { v, m })
            .Join(db.ImportRuns, x => x.v.ImportRunId, r => r.Id, (x, r) => new { x.v, x.m, r.FileName, r.At })
            .AsNoTracking().ToListAsync(ct);
        var register = await db.ReferenceSchools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (rows.Count == 0 && register is null)
        {
            return null;
        }
        var area = rows.Count > 0 ? rows[0].v.Area : register!.LaCode;
        var (phase, phaseFrom) = NationalComparison.PhaseOf(register, rows.Select(r => (r.v.MetricKey, r.v.RecordType)).ToList());
        var keys = rows.Select(r => r.v.MetricKey).Distinct().ToList();
        var averages = await db.ReferenceValues
            .Where(v => v.Urn == null && keys.Contains(v.MetricKey) && (v.Area == area || v.RecordType == RecordType.England))
            .AsNoTracking().ToListAsync(ct);
        double? Local(string key, int year) => averages
            .FirstOrDefault(a => a.MetricKey == key && a.Year == year && a.RecordType == RecordType.LocalAuthority && a.Area == area)?.Value;
        (double? Value, string? Of) National(string key, int year)
        {
            var published = averages.Where(a => a.MetricKey == key && a.Year == year && a.RecordType == RecordType.England).ToDictionary(a => a.Area);
            return NationalComparison.For(key, phase, published.Keys) is { } row ? (published[row.Area].Value, row.Label) : (null, null);
        }
        var figures = rows.OrderBy(r => r.v.MetricKey).ThenBy(r => r.v.Year)
            .Select(r => (r, national: National(r.m.Key, r.v.Year)))
            .Select(x => new Figure(x.r.m.Key, x.r.m.Name, x.r.m.Unit, x.r.m.Polarity, x.r.v.Year, x.r.v.Value, x.r.v.Missing,
                Local(x.r.m.Key, x.r.v.Year), x.national.Value, x.national.Of, x.r.m.Source, x.r.FileName, x.r.At))
            .ToList();
        return new SchoolFigures(urn, area, register, phase, phaseFrom, figures);
    }
}

/// <summary>
/// Which England row a school's figure is set beside. The DfE files publish several: KS2 "all schools" (RECTYPE 4)
/// and "state-funded schools" (5); KS4 "all schools", which counts independent schools (5), and state-funded schools
/// (7, "maintained" in the file's own words); census and absence one row per phase (NAT PRI, SEC, SPE). A school is
/// compared with state-funded schools, and in the census and absence files with schools of its own phase; when the
/// phase is not known there is no national comparison rather than the wrong one.
/// </summary>
public static class NationalComparison
{
    public sealed record Row(string Area, string Label);

    private static readonly Row Ks2StateFunded = new("NAT-5", "England, state-funded schools");
    private static readonly Row Ks2All = new("NAT-4", "England, all schools");
    private static readonly Row Ks4StateFunded = new("NAT-7", "England, state-funded schools");
    private static readonly Row Ks4All = new("NAT-5", "England, all schools (including independent)");

    public static Row? For(string metricKey, string? phase, IEnumerable<string> published)
    {
        var kind = metricKey.Split('.', 2)[0];
        Row[] candidates = kind switch
        {
            "ks2" => [Ks2StateFunded, Ks2All],
            "ks4" => [Ks4StateFunded, Ks4All],
            "census" or "absence" => phase switch
            {
                BenchmarkPhase.Primary => [new("NAT-PRI", "England, state-funded primary schools")],
                BenchmarkPhase.Secondary => [new("NAT-SEC", "England, state-funded secondary schools")],
                BenchmarkPhase.Special => [new("NAT-SPE", "England, state-funded special schools")],
                _ => [],
            },
            _ => [],
        };
        var areas = published.ToHashSet(StringComparer.Ordinal);
        return candidates.FirstOrDefault(c => areas.Contains(c.Area));
    }

    /// <summary>
    /// The school's phase: from the register when it has been imported; otherwise from its own figures (a special
    /// school's record type, or results at only one key stage).
    /// </summary>
    public static (string? Phase, string From) PhaseOf(ReferenceSchool? register, IReadOnlyCollection<(string MetricKey, RecordType RecordType)> figures)
    {
        if (register is not null && BenchmarkPhase.Of(register.Phase, register.Type) is { } registered)
        {
            return (registered, $"From the school register: {register.Type ?? "school"}, phase {register.Phase ?? "not given"}.");
        }
        if (figures.Any(f => f.RecordType == RecordType.SpecialSchool))
        {
            return (BenchmarkPhase.Special, "From the national files, which list it as a special school.");
        }
        var ks2 = figures.Any(f => f.MetricKey.StartsWith("ks2.", StringComparison.Ordinal));
        var ks4 = figures.Any(f => f.MetricKey.StartsWith("ks4.", StringComparison.Ordinal));
        return (ks2, ks4) switch
        {
            (true, false) => (BenchmarkPhase.Primary, "From its results: key stage 2 only."),
            (false, true) => (BenchmarkPhase.Secondary, "From its results: key stage 4 only."),
            _ => (null, "Not known: import the school register (stepwise import register FILE) to compare its census and absence figures with schools of its phase."),
        };
    }
}
