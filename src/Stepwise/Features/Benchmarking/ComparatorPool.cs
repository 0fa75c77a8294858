using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Comparators;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Reference;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Benchmarking;

/// <summary>An open state-funded school as comparator sets see it: its phase and the inputs of the distance.</summary>
public sealed record PoolSchool(
    int Urn, string Name, string Phase, string? Type, string LaCode, string? LocalAuthority, string? Region,
    int? Pupils, double? FsmPercent, double? SenPercent, bool IsDemo)
{
    /// <summary>FBIT leaves schools without the inputs out of other schools' sets; so do we, and demo schools too.</summary>
    public bool CanBeComparator => !IsDemo && Pupils is not null && FsmPercent is not null;
}

/// <summary>
/// Every open state-funded school in the imported register, grouped by benchmarking phase, with the distance inputs:
/// pupils and free-school-meals % from the register, SEN % (EHC plan + SEN support) from the latest census imported.
/// Loaded once per version of the reference data (see <see cref="ComparatorCache"/>).
/// </summary>
public sealed class ComparatorPool
{
    /// <summary>The import kinds whose data changes the pool: the register, the school census (which fills it), the census, and the demo's figures.</summary>
    public static readonly string[] InputKinds = [ImportRegister.Kind, RegisterLayout.Census2023.Kind, NationalMeasures.Census.Kind, DemoFigures.Kind];

    private const string SenSupport = "census.sen-support";
    private const string EhcPlan = "census.ehc-plan";

    private readonly Dictionary<int, (string Phase, int Index)> _byUrn;

    private ComparatorPool(int version, Dictionary<string, List<PoolSchool>> phases)
    {
        Version = version;
        Phases = phases.ToDictionary(p => p.Key, p => (IReadOnlyList<PoolSchool>)p.Value);
        _byUrn = [];
        foreach (var (phase, schools) in phases)
        {
            for (var i = 0; i < schools.Count; i++)
            {
                _byUrn[schools[i].Urn] = (phase, i);
            }
        }
    }

    /// <summary>The id of the latest import that fed the pool (0 when nothing has been imported).</summary>
    public int Version { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<PoolSchool>> Phases { get; }

    public int Count => _byUrn.Count;

    public PoolSchool? Find(int urn) => _byUrn.TryGetValue(urn, out var at) ? Phases[at.Phase][at.Index] : null;

    public (string Phase, int Index)? Locate(int urn) => _byUrn.TryGetValue(urn, out var at) ? at : null;

    /// <summary>The analysis library's view of a phase, in the pool's order.</summary>
    public static ComparatorSchool[] Inputs(IReadOnlyList<PoolSchool> phase) =>
        [.. phase.Select(s => new ComparatorSchool(s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Pupils = s.Pupils,
            FsmPercent = s.FsmPercent,
            SenPercent = s.SenPercent,
            Region = s.Region,
            CanBeComparator = s.CanBeComparator,
        })];

    public static async Task<int> CurrentVersionAsync(AppDbContext db, CancellationToken ct) =>
        await db.ImportRuns.Where(r => InputKinds.Contains(r.Kind)).MaxAsync(r => (int?)r.Id, ct) ?? 0;

    public static async Task<ComparatorPool> LoadAsync(AppDbContext db, int version, CancellationToken ct)
    {
        var demoRuns = await db.ImportRuns.Where(r => r.Kind == DemoFigures.Kind).Select(r => r.Id).ToListAsync(ct);
        var register = await db.ReferenceSchools.AsNoTracking()
            .Select(s => new { s.Urn, s.Name, s.Phase, s.Type, s.Status, s.LaCode, s.LocalAuthority, s.Region, s.Pupils, s.PercentFreeSchoolMeals, s.ImportRunId })
            .ToListAsync(ct);
        var sen = await LatestSenAsync(db, ct);
        var phases = new Dictionary<string, List<PoolSchool>>(StringComparer.Ordinal);
        foreach (var s in register.OrderBy(s => s.Urn))
        {
            if (!IsOpen(s.Status) || BenchmarkPhase.Of(s.Phase, s.Type) is not string phase)
            {
                continue;
            }
            var school = new PoolSchool(s.Urn, s.Name, phase, s.Type, s.LaCode, s.LocalAuthority, s.Region, s.Pupils, s.PercentFreeSchoolMeals,
                sen.TryGetValue(s.Urn, out var percent) ? percent : null, demoRuns.Contains(s.ImportRunId));
            (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(school);
        }
        return new ComparatorPool(version, phases);
    }

    /// <summary>"Open" and "Open, but proposed to close" are open; a school with no status recorded counts as open.</summary>
    public static bool IsOpen(string? status) => status is null || status.StartsWith("Open", StringComparison.OrdinalIgnoreCase);

    /// <summary>SEN % = EHC plan % + SEN support %, from each school's latest census year that has both.</summary>
    private static async Task<Dictionary<int, double>> LatestSenAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.ReferenceValues.AsNoTracking()
            .Where(v => v.Urn != null && v.Value != null && (v.MetricKey == SenSupport || v.MetricKey == EhcPlan))
            .Select(v => new { Urn = v.Urn!.Value, v.Year, v.MetricKey, Value = v.Value!.Value })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Urn, r.Year))
            .Where(g => g.Select(r => r.MetricKey).Distinct().Count() == 2)
            .GroupBy(g => g.Key.Urn)
            .ToDictionary(g => g.Key, g => Math.Round(g.OrderByDescending(y => y.Key.Year).First().Sum(r => r.Value), 1));
    }
}

/// <summary>
/// The phase a school is compared within, from the register's phase and type of establishment — FBIT's
/// SchoolPhaseType in spirit: special schools and alternative provision are phases of their own whatever their age
/// range; independent and non-state schools are not benchmarked (FBIT covers academies and maintained schools).
/// </summary>
public static class BenchmarkPhase
{
    public const string Primary = "Primary";
    public const string Secondary = "Secondary";
    public const string Special = "Special";
    public const string AlternativeProvision = "Alternative provision";

    private static readonly string[] NotStateFunded =
    [
        "independent", "non-maintained", "further education", "higher education", "welsh", "online", "overseas", "offshore",
        "secure", "miscellaneous", "service children", "other government department",
    ];

    public static string? Of(string? phase, string? type)
    {
        if (NotStateFunded.Any(n => (type ?? "").Contains(n, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return RegisterPhase.Of(phase, type) switch
        {
            Schools.Phase.Middle => phase!.Trim() == RegisterPhase.MiddleDeemedPrimary ? Primary : Secondary,
            { } known => Of(known),
            null => null,
        };
    }

    /// <summary>The phase a school the trust recorded is compared within.</summary>
    public static string Of(Schools.Phase phase) => phase switch
    {
        Schools.Phase.Primary => Primary,
        Schools.Phase.Secondary => Secondary,
        Schools.Phase.Special => Special,
        Schools.Phase.AlternativeProvision => AlternativeProvision,
        _ => Named(phase),
    };

    private static string Named(Schools.Phase phase) => phase switch
    {
        Schools.Phase.AllThrough => "All-through",
        Schools.Phase.SixteenPlus => "Post-16",
        Schools.Phase.Nursery => "Nursery",
        _ => Display.Phase(Codes.Of(phase)),
    };
}
