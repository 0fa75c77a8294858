using System.Diagnostics;
using Stepwise.Features.Imports;
using Stepwise.Features.Reference;

namespace Stepwise.Features.Demo;

/// <summary>
/// The real DfE files the demo is benchmarked against: the Hampshire and Surrey register and KS2 results, England's
/// census, absence and KS4 results (c. 2018/19), and the recent files (dfe-england-recent): the January 2023 school
/// census, which puts every school in England in the register (so the demo's secondary and special schools have
/// similar schools), LAIT's England, regional and LA figures to 2024/25, attendance so far in 2025/26 and the RISE list. They are read from the project's shared data folder
/// (<c>../shared/data</c> beside the repository, or <c>Demo:NationalData</c>) and never copied into the repository;
/// without them the demo still loads and benchmarking says it has no similar schools. Each file is imported through
/// the same use cases as <c>stepwise import</c>, so loading the demo again changes nothing (file hashes).
/// </summary>
public sealed class LoadDemoNationalData(ImportRegister register, ImportNationalData national, ImportRise rise, IConfiguration configuration,
    ILogger<LoadDemoNationalData> log)
{
    public sealed record Result(string? Folder, int Files, int Imported)
    {
        /// <summary>How long each file took (checked by hash and skipped, or imported).</summary>
        public IReadOnlyList<FileTime> Times { get; init; } = [];
    }

    public sealed record FileTime(string File, bool Imported, TimeSpan Took);

    private static readonly (FileLayout? Layout, int Year, string[] Path)[] Files =
    [
        (null, 2022, ["dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv"]),
        (NationalMeasures.Ks2, 2017, ["dfe-hampshire-surrey", "ks2", "2016-17", "850_ks2final.csv"]),
        (NationalMeasures.Ks2, 2017, ["dfe-hampshire-surrey", "ks2", "2016-17", "936_ks2final.csv"]),
        (NationalMeasures.Ks2, 2018, ["dfe-hampshire-surrey", "ks2", "2017-18", "850_ks2final.csv"]),
        (NationalMeasures.Ks2, 2018, ["dfe-hampshire-surrey", "ks2", "2017-18", "936_ks2final.csv"]),
        (NationalMeasures.Census, 2019, ["dfe-england-2019", "england_census.csv"]),
        (NationalMeasures.Absence, 2019, ["dfe-england-2019", "england_abs.csv"]),
        (NationalMeasures.Ks4, 2019, ["dfe-england-2019", "england_ks4provisional.csv"]),
    ];

    public async Task<Result> HandleAsync(CancellationToken ct)
    {
        var folder = Find(configuration["Demo:NationalData"]);
        if (folder is null)
        {
            return new Result(null, 0, 0);
        }
        var times = new List<FileTime>();
        async Task ImportAsync(string path, Func<Stream, string, Task<ImportReport>> import)
        {
            if (!File.Exists(path))
            {
                return;
            }
            var watch = Stopwatch.StartNew();
            await using var file = File.OpenRead(path);
            // acceptValid: the real files carry a few rows the importer rightly refuses (closed schools without a
            // URN, for instance); the demo takes the rest rather than nothing.
            var report = await import(file, Path.GetFileName(path));
            times.Add(new FileTime(Path.GetFileName(path), report.Imported, watch.Elapsed));
            log.LogInformation("Demo national data: {File} {What} in {Milliseconds} ms", Path.GetFileName(path),
                report.Imported ? "imported" : "already imported", watch.ElapsedMilliseconds);
        }
        foreach (var (layout, year, parts) in Files)
        {
            await ImportAsync(Path.Combine([folder, .. parts]), (file, name) => layout is null
                ? register.HandleAsync(file, name, acceptValid: true, ct)
                : national.HandleAsync(layout, file, name, year, acceptValid: true, ct));
        }
        // The recent files, each through its own import: the census as register rows, LAIT and attendance as series, RISE as a list.
        (string Name, Func<Stream, string, Task<ImportReport>> Import)[] recent =
        [
            ("census_school_level_2022_23.csv", (f, n) => register.HandleAsync(RegisterLayout.Census2023, f, n, acceptValid: true, ct)),
            ("lait_indicators_to_2024_25.csv", (f, n) => national.HandleAsync(NationalSeries.Lait, f, n, acceptValid: true, ct)),
            ("attendance_ytd_2025_26.csv", (f, n) => national.HandleAsync(NationalSeries.AttendanceYearToDate, f, n, acceptValid: true, ct)),
            ("rise_schools_autumn_2025.csv", (f, n) => rise.HandleAsync(f, n, acceptValid: true, ct)),
        ];
        foreach (var (name, import) in recent)
        {
            await ImportAsync(Path.Combine(folder, "dfe-england-recent", name), import);
        }
        return new Result(folder, times.Count, times.Count(t => t.Imported)) { Times = times };
    }

    /// <summary>
    /// The configured folder (<c>none</c> skips the files), or <c>shared/data</c> in the current folder or any folder
    /// above it or the app.
    /// </summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "dfe-hampshire-surrey")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
