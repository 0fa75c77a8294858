using Stepwise.Features.Reference;

namespace Stepwise.Features.Demo;

/// <summary>
/// The real DfE files the demo is benchmarked against: the Hampshire and Surrey register and KS2 results, and
/// England's census, absence and KS4 results (c. 2018/19). They are read from the project's shared data folder
/// (<c>../shared/data</c> beside the repository, or <c>Demo:NationalData</c>) and never copied into the repository;
/// without them the demo still loads and benchmarking says it has no similar schools. Each file is imported through
/// the same use cases as <c>stepwise import</c>, so loading the demo again changes nothing (file hashes).
/// </summary>
public sealed class LoadDemoNationalData(ImportRegister register, ImportNationalData national, IConfiguration configuration)
{
    public sealed record Result(string? Folder, int Files, int Imported);

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
        var imported = 0;
        var present = 0;
        foreach (var (layout, year, parts) in Files)
        {
            var path = Path.Combine([folder, .. parts]);
            if (!File.Exists(path))
            {
                continue;
            }
            present++;
            await using var file = File.OpenRead(path);
            // acceptValid: the real files carry a few rows the importer rightly refuses (closed schools without a
            // URN, for instance); the demo takes the rest rather than nothing.
            var report = layout is null
                ? await register.HandleAsync(file, Path.GetFileName(path), acceptValid: true, ct)
                : await national.HandleAsync(layout, file, Path.GetFileName(path), year, acceptValid: true, ct);
            imported += report.Imported ? 1 : 0;
        }
        return new Result(folder, present, imported);
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
