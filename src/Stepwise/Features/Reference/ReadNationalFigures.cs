using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Benchmarking;

namespace Stepwise.Features.Reference;

/// <summary>
/// Any school's published national figures by year, each set beside its local authority's average and the England
/// figure for schools like it: the England row is chosen by the file and the school's phase (<see cref="NationalComparison"/>),
/// never the first England row a file happens to hold.
/// </summary>
public sealed class ReadNationalFigures(AppDbContext db, TimeProvider clock)
{
    public sealed record Figure(string Metric, string Name, string Unit, string Polarity, int Year, double? Value, string? Missing,
        double? LocalAverage, double? NationalAverage, string? NationalAverageOf, string Source, string File, DateTime ImportedAt);

    /// <param name="Phase">The phase the school is compared within (Primary, Secondary, Special …), or null when not known.</param>
    /// <param name="PhaseFrom">How the phase was known, or why it is not: a sentence for a person.</param>
    public sealed record SchoolFigures(int Urn, string? LaCode, ReferenceSchool? Register, string? Phase, string PhaseFrom, List<Figure> Measures)
    {
        /// <summary>The school's key measures beside the most recent England, regional and local-authority figures, each with its year.</summary>
        public NationalBeside? Recent { get; init; }
    }

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
        return new SchoolFigures(urn, area, register, phase, phaseFrom, figures) { Recent = await BesideAsync(urn, ct) };
    }

    /// <summary>
    /// The recent national and regional figures beside this school: for each of its phase's key measures, the school's
    /// latest published figure and the most recent England, regional and local-authority figures of schools of its phase,
    /// each with its year, and a remark where a year is more than two years before the current one. Whether the school
    /// is in the RISE programme.
    /// </summary>
    public async Task<NationalBeside> BesideAsync(int urn, CancellationToken ct)
    {
        var register = await db.ReferenceSchools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        var own = await db.ReferenceValues.AsNoTracking().Where(v => v.Urn == urn)
            .Select(v => new { v.MetricKey, v.Year, v.Value, v.Missing, v.RecordType, v.Area }).ToListAsync(ct);
        var (phase, _) = NationalComparison.PhaseOf(register, own.Select(o => (o.MetricKey, o.RecordType)).ToList());
        var region = register?.Region;
        var regionCode = NationalSeries.RegionCode(region);
        var laCode = register?.LaCode is { Length: > 0 } la ? la : own.FirstOrDefault()?.Area;
        var keys = NationalComparison.KeyMeasures(phase);
        var areas = keys.Select(k => NationalComparison.Variant(k, phase))
            .SelectMany(v => new[] { NationalSeries.StoredArea(RecordType.England, "", v), regionCode is null ? null : NationalSeries.StoredArea(RecordType.Region, regionCode, v),
                laCode is null ? null : NationalSeries.StoredArea(RecordType.LocalAuthority, laCode, v) })
            .OfType<string>().Distinct().ToList();
        var published = await db.ReferenceValues.AsNoTracking()
            .Where(v => v.Urn == null && keys.Contains(v.MetricKey) && areas.Contains(v.Area))
            .Select(v => new { v.MetricKey, v.Year, v.Value, v.Missing, v.RecordType, v.Area }).ToListAsync(ct);
        var metrics = await db.Metrics.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, ct);
        var today = clock.Today();
        RecentFigure? Latest(IEnumerable<(int Year, double? Value, string? Missing)> figures) =>
            figures.OrderByDescending(f => f.Value is not null).ThenByDescending(f => f.Year).Select(f => RecentFigure.Of(f.Year, f.Value, f.Missing, today)).FirstOrDefault();
        RecentFigure? Area(string key, RecordType type, string? area) => area is null ? null
            : Latest(published.Where(p => p.MetricKey == key && p.RecordType == type && p.Area == area).Select(p => (p.Year, p.Value, p.Missing)));
        var figures = new List<BesideFigure>();
        foreach (var key in keys.Where(metrics.ContainsKey))
        {
            var variant = NationalComparison.Variant(key, phase);
            var school = Latest(own.Where(o => o.MetricKey == key).Select(o => (o.Year, o.Value, o.Missing)));
            var england = Area(key, RecordType.England, NationalSeries.StoredArea(RecordType.England, "", variant));
            var inRegion = Area(key, RecordType.Region, regionCode is null ? null : NationalSeries.StoredArea(RecordType.Region, regionCode, variant));
            var inAuthority = Area(key, RecordType.LocalAuthority, laCode is null ? null : NationalSeries.StoredArea(RecordType.LocalAuthority, laCode, variant));
            if (school is null && england is null && inRegion is null)
            {
                continue;
            }
            var m = metrics[key];
            var of = NationalComparison.SchoolsOf(key, phase);
            figures.Add(new BesideFigure(key, m.Name, m.Unit, m.Polarity, school, england, $"England, {of}", inRegion, region is null ? null : $"{region}, {of}",
                inAuthority, register?.LocalAuthority is { } name ? $"{name}, {of}" : null));
        }
        var rise = await db.RiseSchools.AsNoTracking().Where(r => r.Urn == urn)
            .Join(db.ImportRuns, r => r.ImportRunId, i => i.Id, (r, i) => new { i.FileName }).FirstOrDefaultAsync(ct);
        return new NationalBeside(urn, register?.Name, phase, region, register?.LocalAuthority, rise is not null,
            rise is null ? null : $"In the DfE's RISE programme (Regional Improvement for Standards and Excellence), as listed in {rise.FileName}.", figures);
    }
}

/// <summary>A published figure with its year written, and whether it is more than two years old.</summary>
/// <param name="Year">The year the academic year ends in: 2025 is 2024/25.</param>
/// <param name="YearText">"2024/25", or "2018/19 — the latest published here" when the year is old.</param>
public sealed record RecentFigure(int Year, double? Value, string? Missing, bool Old, string YearText)
{
    /// <summary>How many academic years before the current one a figure may be and still not be called old.</summary>
    public const int YearsBeforeOld = 2;

    public static RecentFigure Of(int year, double? value, string? missing, DateOnly today)
    {
        var old = IsOld(year, today);
        var academic = AcademicYear.EndingIn(year).ToString();
        return new RecentFigure(year, value, missing, old, old ? $"{academic} — the latest published here" : academic);
    }

    /// <summary>Older than two years before the current academic year: on 7 December 2026 (2026/27), 2023/24 and before.</summary>
    public static bool IsOld(int year, DateOnly today) => AcademicYear.Of(today).EndYear - year > YearsBeforeOld;
}

/// <summary>One key measure: the school's figure, and England's, its region's and its local authority's for schools of its phase.</summary>
public sealed record BesideFigure(string Metric, string Name, string Unit, string Polarity, RecentFigure? School, RecentFigure? England, string EnglandOf,
    RecentFigure? Region, string? RegionOf, RecentFigure? LocalAuthority, string? LocalAuthorityOf);

/// <summary>The recent national and regional figures beside a school (<see cref="ReadNationalFigures.BesideAsync"/>).</summary>
public sealed record NationalBeside(int Urn, string? Name, string? Phase, string? Region, string? LocalAuthority, bool InRise, string? Rise,
    IReadOnlyList<BesideFigure> Figures);

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

    /// <summary>The measures set beside England's and the region's, by phase: results of the phase's key stage, absence, and attendance so far this year.</summary>
    public static IReadOnlyList<string> KeyMeasures(string? phase) => phase switch
    {
        BenchmarkPhase.Primary => ["ks2.rwm-expected", "ks2.rwm-higher", "ks2.rwm-expected-disadvantaged", .. Absence],
        BenchmarkPhase.Secondary or "All-through" => ["ks4.attainment-8", "ks4.attainment-8-disadvantaged", "ks4.progress-8", .. Absence],
        BenchmarkPhase.Special => [.. Absence, "absence.severe"],
        _ => Absence,
    };

    private static readonly string[] Absence = ["absence.overall", "absence.persistent", "attendance-ytd.overall", "attendance-ytd.persistent"];

    /// <summary>
    /// Which England row (and regional and LA row) of a measure matches a school: KS2 "5" and KS4 "7" (state-funded
    /// schools), absence and attendance by phase (PRI, SEC, SPE), or all schools ("") when the phase is not one of those.
    /// </summary>
    public static string Variant(string metricKey, string? phase) => metricKey.Split('.', 2)[0] switch
    {
        "ks2" => "5",
        "ks4" => "7",
        _ => phase switch
        {
            BenchmarkPhase.Primary => "PRI",
            BenchmarkPhase.Secondary => "SEC",
            BenchmarkPhase.Special => "SPE",
            _ => "",
        },
    };

    /// <summary>"state-funded secondary schools": the schools the England and regional figure is of.</summary>
    public static string SchoolsOf(string metricKey, string? phase) => Variant(metricKey, phase) switch
    {
        "PRI" => "state-funded primary schools",
        "SEC" => "state-funded secondary schools",
        "SPE" => "state-funded special schools",
        "" => "all state-funded schools",
        _ => "state-funded schools",
    };

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
