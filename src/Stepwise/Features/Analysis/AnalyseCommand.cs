using Stepwise.Features.Imports;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Stepwise.Analytics.Gaps;
using Stepwise.Analytics.Spc;
using Stepwise.Cli;

namespace Stepwise.Features.Analysis;

/// <summary>
/// `stepwise analyse spc FILE` and `stepwise analyse gap FILE`: the analysis library on a CSV file, for analysts
/// who want the figures without the app. A file with any bad line is refused whole, each problem named.
/// </summary>
public static class AnalyseCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static Command Create()
    {
        var analyse = new Command("analyse", "Statistics on a CSV file: a run chart with process limits, or a disadvantage gap");
        analyse.Subcommands.Add(Spc());
        analyse.Subcommands.Add(Gap());
        return analyse;
    }

    private static Command Spc()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with a header line \"period,value\", one row per period in time order" };
        var polarity = new Option<string>("--polarity") { Description = "up (higher is better), down (lower is better) or neutral", DefaultValueFactory = _ => "neutral" };
        var target = new Option<double?>("--target") { Description = "A target, for the assurance result" };
        var baseline = new Option<int?>("--baseline") { Description = "Fix the limits on the first N points" };
        var name = new Option<string>("--name") { Description = "What the values measure, for the sentence that reads the chart", DefaultValueFactory = _ => "The measure" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("spc", "XmR chart with the NHS Making Data Count rules") { file, polarity, target, baseline, name, json };
        command.SetAction(parsed =>
        {
            var direction = SpcCodes.ParsePolarity(parsed.GetValue(polarity))
                ?? throw new CliError($"--polarity must be up, down or neutral, not \"{parsed.GetValue(polarity)}\".", CliError.Usage);
            if (parsed.GetValue(baseline) is < 2)
            {
                throw new CliError("--baseline needs at least 2 points.", CliError.Usage);
            }
            var rows = ReadOrFail(parsed.GetValue(file)!, AnalysisCsv.ReadSeries);
            var result = XmrChart.Analyse([.. rows.Select(r => r.Value)], new SpcOptions
            {
                Polarity = direction,
                Target = parsed.GetValue(target),
                BaselinePoints = parsed.GetValue(baseline),
            });
            var reading = SpcReading.Describe(result, parsed.GetValue(name)!, "period");
            Console.Write(parsed.GetValue(json) ? SpcJson(rows, result, reading) : SpcTable(rows, result, reading));
            return CliError.Ok;
        });
        return command;
    }

    private static Command Gap()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with a header line \"score,disadvantaged\", one row per pupil (disadvantaged: 1/0 or true/false)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("gap", "The DfE disadvantage gap index and the difference in mean scores, with its 95% interval") { file, json };
        command.SetAction(parsed =>
        {
            var rows = ReadOrFail(parsed.GetValue(file)!, AnalysisCsv.ReadScores);
            var gap = GroupGap.Compare([.. rows.Select(r => r.Value)], [.. rows.Select(r => r.Disadvantaged)]);
            if (parsed.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    n = gap.N,
                    nDisadvantaged = gap.NDisadvantaged,
                    gapIndex = gap.GapIndex,
                    meanGap = gap.MeanGap,
                    meanGapLow = gap.MeanGapLow,
                    meanGapHigh = gap.MeanGapHigh,
                }, Json));
            }
            else
            {
                Console.WriteLine($"Pupils: {gap.N:N0}, of whom disadvantaged: {gap.NDisadvantaged:N0}");
                Console.WriteLine($"Gap index (0 = no gap, 10 = all disadvantaged pupils at the bottom): {F(gap.GapIndex)}");
                Console.WriteLine($"Mean score, others minus disadvantaged: {F(gap.MeanGap)} (95% interval {F(gap.MeanGapLow)} to {F(gap.MeanGapHigh)})");
                if (gap.GapIndex is null)
                {
                    Console.WriteLine("No gap can be measured: both groups need at least one pupil.");
                }
            }
            return CliError.Ok;
        });
        return command;
    }

    private static List<T> ReadOrFail<T>(FileInfo file, Func<TextReader, (List<T> Rows, List<RowProblem> Problems)> read)
    {
        if (!file.Exists)
        {
            throw new CliError($"{file.FullName} does not exist.", CliError.Usage);
        }
        using var text = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var (rows, problems) = read(text);
        if (problems.Count > 0)
        {
            var shown = problems.Take(20).Select(p => $"{file.Name}: {p}");
            var more = problems.Count > 20 ? $"\n… and {problems.Count - 20} more problem(s)." : "";
            throw new CliError($"{file.Name} has {problems.Count} problem(s); nothing was analysed.\n" + string.Join('\n', shown) + more, CliError.Usage);
        }
        if (rows.Count == 0)
        {
            throw new CliError($"{file.Name} has a header but no rows.", CliError.Usage);
        }
        return rows;
    }

    private static string SpcJson(List<AnalysisCsv.Point> rows, SpcResult result, string reading) =>
        JsonSerializer.Serialize(new
        {
            mean = result.Mean,
            movingRangeMean = result.MovingRangeMean,
            upperProcessLimit = result.UpperProcessLimit,
            lowerProcessLimit = result.LowerProcessLimit,
            trialLimits = result.TrialLimits,
            assurance = result.AssuranceCode,
            reading,
            points = result.Points.Select((p, i) => new { period = rows[i].Period, value = p.Value, rule = p.RuleCode, variation = p.VariationCode }),
        }, Json) + "\n";

    private static string SpcTable(List<AnalysisCsv.Point> rows, SpcResult result, string reading)
    {
        var text = new StringBuilder();
        text.AppendLine($"Mean {F(result.Mean)}, mean moving range {F(result.MovingRangeMean)}, process limits {F(result.LowerProcessLimit)} to {F(result.UpperProcessLimit)}"
            + (result.TrialLimits ? " (trial limits: fewer than 12 points)" : ""));
        var width = Math.Max(6, rows.Max(r => r.Period.Length));
        text.AppendLine($"{"Period".PadRight(width)}  {"Value",10}  {"Signal",-15} Variation");
        foreach (var (row, point) in rows.Zip(result.Points))
        {
            text.AppendLine($"{row.Period.PadRight(width)}  {point.Value.ToString("G6", EnGb),10}  {point.RuleCode ?? "",-15} {point.VariationCode}");
        }
        return text.AppendLine(reading).ToString();
    }

    private static string F(double? value) => value?.ToString("0.00", EnGb) ?? "none";
}
