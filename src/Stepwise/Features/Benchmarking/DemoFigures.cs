using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Spc;
using Stepwise.Data;
using Stepwise.Features.Demo;
using Stepwise.Features.Reference;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// Published-style figures for the demo trust's invented schools, so that the demo can be benchmarked (ADR 0020).
/// The demo schools join the register as schools of their own (URNs 990001–990006) with the same context as in
/// the demo, and get yearly figures written as the DfE would publish them, recorded as an import of kind "demo"
/// whose file name says that they are invented. Demo schools get similar schools of their own from the real
/// register but are never a comparator for anyone else.
/// </summary>
/// <remarks>
/// Each series is centred on the median of the group of real schools the demo school is modelled on
/// (<see cref="DemoSchools"/>): Hampshire and Surrey state-funded primaries within three percentile points of the
/// 15th, 50th, 80th and 95th percentiles of FSM-ever (43 schools each), KS2 2016/17 and 2017/18
/// (shared/data/dfe-hampshire-surrey/ks2) and absence 2018/19 (shared/data/dfe-england-2019/england_abs.csv):
/// reading, writing and maths at the expected standard 78/77, 70/74, 60.5/67 and 56/58 %; overall absence 3.1,
/// 3.5, 4.3, 4.6 %; persistent absence 4.0, 5.8, 9.1, 11.8 %. Secondaries within five points of the 60th
/// percentile (12): Progress 8 −0.1, Attainment 8 45.4, English and maths 4+ 66 %, absence 6.1 %, persistent
/// 16.2 %. Special schools (50): absence 8.2 %, persistent 24.2 %. Around those medians the years tell stories a
/// headteacher would recognise: Larkhaven Primary's persistent absence falls year on year; Brackenmoor's absence
/// jumps in 2018/19; Kestrelmead's results reach the top quarter of its similar schools; St Wenna's rise; Willowmere Brook's Progress 8 is suppressed (a small cohort).
/// </remarks>
public sealed class DemoFigures(AppDbContext db, TimeProvider clock)
{
    public const string Kind = "demo";
    public const string FileName = "Larkhaven demo figures (invented, modelled on medians of real schools)";

    private static readonly int[] AbsenceYears = [2013, 2014, 2015, 2016, 2017, 2018, 2019];
    private static readonly int[] Ks2Years = [2016, 2017, 2018];
    private static readonly int[] Ks4Years = [2016, 2017, 2018, 2019];
    private const int CensusYear = 2019;

    /// <summary>One figure: a value, or a DfE marker when it is missing.</summary>
    public sealed record Figure(int Urn, string Metric, int Year, double? Value, string? Missing = null);

    public static IReadOnlyList<Figure> All { get; } = Build();

    /// <summary>Records the figures (once: the same figures again change nothing). Runs inside the demo's transaction.</summary>
    public async Task HandleAsync(CancellationToken ct)
    {
        var hash = Hash();
        if (await Imports.SameFile.AlreadyImportedAsync(db.ImportRuns, Kind, hash, newestOnly: false, ct))
        {
            return;
        }
        var run = new ImportRun
        {
            Kind = Kind, FileName = FileName, Hash = hash, Actor = "demo loader", At = clock.UtcNow(),
            Read = All.Count, Accepted = All.Count,
        };
        db.ImportRuns.Add(run);
        await EnsureCatalogueAsync(ct);
        await db.SaveChangesAsync(ct);

        var urns = DemoSchools.All.Select(s => s.Urn).ToList();
        var schools = await db.ReferenceSchools.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, ct);
        foreach (var spec in DemoSchools.All)
        {
            if (!schools.TryGetValue(spec.Urn, out var school))
            {
                school = new ReferenceSchool { Urn = spec.Urn, Name = spec.Name, LaCode = LaCode(spec) };
                db.ReferenceSchools.Add(school);
            }
            school.Name = spec.Name;
            school.LaCode = LaCode(spec);
            school.LocalAuthority = spec.LocalAuthority;
            school.Type = spec.Type;
            school.Phase = spec.Phase switch { Phase.Primary => "Primary", Phase.Secondary => "Secondary", _ => "Not applicable" };
            school.Status = "Open";
            school.Region = "South East";
            school.Postcode = spec.Postcode;
            school.Pupils = spec.Pupils;
            school.PercentFreeSchoolMeals = spec.Fsm;
            school.Trust = LoadDemoTrust.TrustName;
            school.ImportRunId = run.Id;
        }

        var existing = await db.ReferenceValues.Where(v => v.Urn != null && urns.Contains(v.Urn.Value))
            .ToDictionaryAsync(v => (v.MetricKey, v.Year, v.Urn!.Value), ct);
        foreach (var figure in All)
        {
            var spec = DemoSchools.All.Single(s => s.Urn == figure.Urn);
            if (existing.TryGetValue((figure.Metric, figure.Year, figure.Urn), out var value))
            {
                (value.Value, value.Missing, value.ImportRunId) = (figure.Value, figure.Missing, run.Id);
                run.ValuesChanged++;
                continue;
            }
            db.ReferenceValues.Add(new ReferenceValue
            {
                MetricKey = figure.Metric, Year = figure.Year, Urn = figure.Urn, Area = LaCode(spec),
                RecordType = spec.Phase == Phase.Special ? RecordType.SpecialSchool : RecordType.School,
                Value = figure.Value, Missing = figure.Missing, ImportRunId = run.Id,
            });
            run.ValuesAdded++;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string LaCode(DemoSchools.Spec spec) => spec.LocalAuthority == "Surrey" ? "936" : "850";

    private async Task EnsureCatalogueAsync(CancellationToken ct)
    {
        var used = All.Select(f => f.Metric).Distinct().ToList();
        var known = await db.Metrics.Where(m => used.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct);
        foreach (var measure in NationalMeasures.Layouts.SelectMany(l => l.Measures).Where(m => used.Contains(m.Key) && !known.Contains(m.Key)))
        {
            db.Metrics.Add(new Metric { Key = measure.Key, Name = measure.Name, Unit = measure.Unit, Polarity = measure.Polarity.ToCode(), Source = measure.Source });
        }
    }

    private static string Hash()
    {
        var text = new StringBuilder();
        foreach (var f in All)
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.Urn},{f.Metric},{f.Year},{f.Value},{f.Missing}\n");
        }
        foreach (var s in DemoSchools.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Urn},{s.Name},{s.Pupils},{s.Fsm}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static List<Figure> Build()
    {
        var figures = new List<Figure>();
        void Series(int urn, string metric, int[] years, params double?[] values)
        {
            for (var i = 0; i < years.Length; i++)
            {
                figures.Add(new Figure(urn, metric, years[i], values[i], values[i] is null ? "SUPP" : null));
            }
        }

        // Larkhaven Primary (FSM-ever 11.1 %, the 50th percentile group): persistent absence falls every year.
        Series(990001, "ks2.rwm-expected", Ks2Years, 68, 71, 75);
        Series(990001, "ks2.reading-progress", Ks2Years, 0.1, 0.4, 0.8);
        Series(990001, "ks2.maths-progress", Ks2Years, -0.8, -0.5, -0.3);
        Series(990001, "absence.overall", AbsenceYears, 3.7, 3.5, 3.8, 3.6, 3.4, 3.7, 3.5);
        Series(990001, "absence.persistent", AbsenceYears, 7.9, 7.4, 7.1, 6.7, 6.4, 6.0, 5.6);

        // Brackenmoor (80th percentile): absence jumps in 2018/19.
        Series(990002, "ks2.rwm-expected", Ks2Years, 59, 62, 66);
        Series(990002, "ks2.reading-progress", Ks2Years, -0.2, -0.4, -0.9);
        Series(990002, "ks2.maths-progress", Ks2Years, -0.5, -0.4, -0.8);
        Series(990002, "absence.overall", AbsenceYears, 4.2, 4.4, 4.1, 4.3, 4.2, 4.3, 5.6);
        Series(990002, "absence.persistent", AbsenceYears, 9.6, 9.9, 9.3, 9.8, 9.5, 9.7, 12.4);

        // Kestrelmead (15th percentile): high results, in the top quarter of its similar schools by 2017/18.
        Series(990003, "ks2.rwm-expected", Ks2Years, 80, 78, 85);
        Series(990003, "ks2.reading-progress", Ks2Years, 1.2, 1.6, 0.9);
        Series(990003, "ks2.maths-progress", Ks2Years, 0.4, 0.7, 0.2);
        Series(990003, "absence.overall", AbsenceYears, 3.2, 3.0, 3.3, 3.1, 2.9, 3.2, 3.0);
        Series(990003, "absence.persistent", AbsenceYears, 4.4, 3.9, 4.3, 4.1, 3.8, 4.2, 4.0);

        // St Wenna's (95th percentile): results rising.
        Series(990004, "ks2.rwm-expected", Ks2Years, 51, 55, 61);
        Series(990004, "ks2.reading-progress", Ks2Years, -0.8, -0.2, 0.4);
        Series(990004, "ks2.maths-progress", Ks2Years, -0.9, -0.5, -0.2);
        Series(990004, "absence.overall", AbsenceYears, 4.9, 4.6, 4.8, 4.5, 4.7, 4.6, 4.5);
        Series(990004, "absence.persistent", AbsenceYears, 12.6, 11.9, 12.3, 11.7, 12.1, 11.8, 11.6);

        // Larkhaven Academy (secondary, 60th percentile): Progress 8 climbing towards average.
        Series(990005, "ks4.progress-8", Ks4Years, -0.31, -0.19, -0.08, 0.05);
        Series(990005, "ks4.attainment-8", Ks4Years, 43.9, 44.6, 45.2, 46.3);
        Series(990005, "ks4.english-maths-4", Ks4Years, 61, 63, 65, 68);
        Series(990005, "absence.overall", AbsenceYears, 6.4, 6.1, 6.3, 6.0, 6.2, 5.9, 6.0);
        Series(990005, "absence.persistent", AbsenceYears, 17.2, 16.5, 16.9, 16.1, 16.6, 15.9, 16.0);

        // Willowmere Brook (special): Progress 8 suppressed every year (a small cohort).
        Series(990006, "ks4.progress-8", Ks4Years, null, null, null, null);
        Series(990006, "absence.overall", AbsenceYears, 8.6, 8.0, 8.4, 8.1, 8.5, 7.9, 8.2);
        Series(990006, "absence.persistent", AbsenceYears, 25.3, 23.6, 24.8, 23.9, 24.9, 23.4, 24.1);

        // The census as the demo describes each school (the SEN % that similar schools are chosen on).
        foreach (var s in DemoSchools.All)
        {
            figures.Add(new Figure(s.Urn, "census.pupils", CensusYear, s.Pupils));
            figures.Add(new Figure(s.Urn, "census.fsm-ever", CensusYear, s.Disadvantaged));
            figures.Add(new Figure(s.Urn, "census.sen-support", CensusYear, s.SenSupport));
            figures.Add(new Figure(s.Urn, "census.ehc-plan", CensusYear, s.EhcPlan));
            figures.Add(new Figure(s.Urn, "census.eal", CensusYear, s.Eal));
        }
        return figures;
    }
}
