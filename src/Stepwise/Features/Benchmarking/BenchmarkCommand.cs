using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;

namespace Stepwise.Features.Benchmarking;

/// <summary>`stepwise benchmark comparators --urn URN [--weights P,F,S] [--json]`: a school's similar schools.</summary>
public static class BenchmarkCommand
{
    public static Command Create()
    {
        var benchmark = new Command("benchmark", "Benchmarking against similar schools, from the imported national data");
        benchmark.Subcommands.Add(Comparators());
        return benchmark;
    }

    private static Command Comparators()
    {
        var urn = new Option<int>("--urn") { Description = "The school's URN (any open school in the imported register)", Required = true };
        var weights = new Option<string?>("--weights")
        {
            Description = "Weights on pupils, free school meals and SEN as whole percentages adding up to 100 (default 50,40,10: the DfE method)",
        };
        var json = new Option<bool>("--json") { Description = "Print {\"urn\":…,\"comparators\":[{\"urn\":…,\"name\":…,\"distance\":…}]}" };
        var command = new Command("comparators",
            "The school's 30 most similar schools by the DfE financial benchmarking (FBIT) method: same phase; nearest on pupils, "
            + "free school meals % and SEN %; the same region preferred. The school itself comes first, with distance 0.")
        {
            urn, weights, json,
        };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var chosen = ParseWeights(parsed.GetValue(weights));
            await DatabaseUpgrade.MigrateAsync(services, token);
            var lookup = await services.GetRequiredService<FindComparators>().HandleAsync(parsed.GetValue(urn), chosen, token);
            if (lookup.Set is not { } set)
            {
                throw new CliError(lookup.WhyNot!, CliError.Usage);
            }
            Print(set, parsed.GetValue(json));
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static WeightsView ParseWeights(string? text)
    {
        if (text is null)
        {
            return new WeightsView(TrustWeights.DfePupils, TrustWeights.DfeFreeSchoolMeals, TrustWeights.DfeSen, IsDfe: true, CanChange: false, null, null);
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (numbers.Length != 3 || numbers.Any(n => n is < 0 or > 100) || numbers.Sum() != 100)
        {
            throw new CliError($"--weights must be three whole percentages for pupils, free school meals and SEN adding up to 100, such as 50,40,10 (not \"{text}\").", CliError.Usage);
        }
        return new WeightsView(numbers[0], numbers[1], numbers[2], TrustWeights.IsDfe(numbers[0], numbers[1], numbers[2]), CanChange: false, null, null);
    }

    private static void Print(ComparatorSetView set, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                urn = set.Urn,
                comparators = set.Members.Select(m => new { urn = m.Urn, name = m.Name, distance = m.Distance }),
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return;
        }
        var w = set.Weights;
        Console.WriteLine($"{set.Name} (URN {set.Urn}): {set.Phase}, {set.Members.Count - 1} similar schools.");
        Console.WriteLine(set.SpecialMethod
            ? "Method: " + ComparatorSetView.SpecialMethodText
            : $"Method: {(w.IsDfe ? "DfE" : "adjusted")} weights {w.Pupils}% pupils, {w.FreeSchoolMeals}% free school meals, {w.Sen}% SEN; same region preferred.");
        if (set.Caveat is { } caveat)
        {
            Console.WriteLine("Note: " + caveat);
        }
        var width = Math.Min(60, set.Members.Max(m => m.Name.Length));
        Console.WriteLine($"  {"#",3}  {"URN",-6}  {"Name".PadRight(width)}  {"Distance",9}  {"Pupils",6}  {"FSM %",5}  {"SEN %",5}");
        var i = 0;
        foreach (var m in set.Members)
        {
            var name = m.Name.Length > width ? m.Name[..(width - 1)] + "…" : m.Name;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {i++,3}  {m.Urn,-6}  {name.PadRight(width)}  {m.Distance,9:0.0000}  {Number(m.Pupils),6}  {Percent(m.FsmPercent),5}  {Percent(m.SenPercent),5}"));
        }
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Percent(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–";
}
