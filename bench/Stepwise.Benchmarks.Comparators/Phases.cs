using System.Globalization;
using Stepwise.Analytics.Comparators;

namespace Stepwise.Benchmarks.Comparators;

/// <summary>The schools the benchmarks compute sets for: generated, or England's real primaries when the data is there.</summary>
public static class Phases
{
    private static readonly string[] Regions =
    [
        "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West",
    ];

    /// <summary>
    /// About England's primaries: rolls mostly 100–450 with a long tail, FSM 0–60 % skewed low, SEN 5–30 %, nine regions,
    /// 1 % of inputs missing (filled with the median) and 1 % of schools that cannot be comparators. The same seed gives the same phase.
    /// </summary>
    public static ComparatorSchool[] Generated(int count, int seed = 2019)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return [.. Enumerable.Range(0, count).Select(i => new ComparatorSchool((100000 + i).ToString(CultureInfo.InvariantCulture))
        {
            Pupils = random.NextDouble() < 0.01 ? null : Math.Round(Math.Clamp(Math.Exp(5.5 + 0.45 * Normal()), 15, 1000)),
            FsmPercent = random.NextDouble() < 0.01 ? null : Math.Round(Math.Clamp(Math.Exp(2.5 + 0.7 * Normal()), 0, 70), 1),
            SenPercent = random.NextDouble() < 0.01 ? null : Math.Round(Math.Clamp(14 + 5 * Normal(), 0, 60), 1),
            Region = Regions[random.Next(Regions.Length)],
            Pfi = random.NextDouble() < 0.03,
            CanBeComparator = random.NextDouble() > 0.01,
        })];
    }

    /// <summary>
    /// Every state-funded primary in the DfE census of England (shared/data/dfe-england-2019, 16,770 schools): pupils on
    /// roll, FSM % (NUMFSM / NOR), SEN % (EHC plan + SEN support) and the region of the local authority. Null when the
    /// files are not beside the repository.
    /// </summary>
    public static ComparatorSchool[]? EnglandPrimaries()
    {
        var folder = Find("shared/data/dfe-england-2019");
        if (folder is null)
        {
            return null;
        }
        var regions = ReadCsv(Path.Combine(folder, "la_and_region_codes_meta.csv")).ToDictionary(r => r["LEA"], r => r["REGION NAME"]);
        return [.. ReadCsv(Path.Combine(folder, "england_census.csv"))
            .Where(r => r["SCHOOLTYPE"] == "State-funded primary")
            .Select(r => new ComparatorSchool(r["URN"])
            {
                Pupils = Number(r["NOR"]),
                FsmPercent = Number(r["NUMFSM"]) is double fsm && Number(r["NOR"]) is double nor and > 0 ? 100 * fsm / nor : null,
                SenPercent = Number(r["PSENELSE"]) + Number(r["PSENELK"]),
                Region = regions.GetValueOrDefault(r["LA"]),
            })];
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>These two files have no quoted commas: a plain split is enough.</summary>
    private static IEnumerable<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.TrimStart('\uFEFF').Split(',');
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            yield return header.Select((h, i) => (h, Value: i < cells.Length ? cells[i] : "")).ToDictionary(c => c.h, c => c.Value);
        }
    }
}
