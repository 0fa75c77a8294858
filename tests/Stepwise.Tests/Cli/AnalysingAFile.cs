using System.Text.Json.Nodes;

namespace Stepwise.Tests.Cli;

/// <summary>`stepwise analyse spc|gap` on CSV files, checked against the methods.md test vectors.</summary>
public sealed class AnalysingAFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-analyse-").FullName;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<JsonNode> JsonOfAsync(params string[] args)
    {
        var run = await StepwiseProcess.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!;
    }

    [Fact]
    public async Task Spc_json_reproduces_vector_V2_with_shifts_and_two_of_three()
    {
        double[] v2 = [12, 14, 11, 13, 15, 12, 13, 14, 12, 11, 16, 17, 18, 17, 19, 18, 17, 16, 18, 19];
        var csv = "period,value\n" + string.Join("\n", v2.Select((v, i) => $"Week {i + 1},{v}"));
        var result = await JsonOfAsync("analyse", "spc", Write("v2.csv", csv), "--polarity", "up", "--json");
        Assert.Equal(15.1, result["mean"]!.GetValue<double>(), 6);
        Assert.Equal(19.72, result["upperProcessLimit"]!.GetValue<double>(), 2);
        Assert.Equal(10.48, result["lowerProcessLimit"]!.GetValue<double>(), 2);
        var points = result["points"]!.AsArray();
        Assert.Equal(("Week 1", "two-of-three", "concern"), (points[0]!["period"]!.GetValue<string>(), points[0]!["rule"]!.GetValue<string>(), points[0]!["variation"]!.GetValue<string>()));
        Assert.Equal(("shift", "improvement"), (points[19]!["rule"]!.GetValue<string>(), points[19]!["variation"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Spc_json_marks_vector_V3s_points_outside_the_limits_before_the_trend()
    {
        var csv = "period,value\n" + string.Join("\n", new[] { 10, 11, 12, 13, 14, 15, 16, 15, 14, 13 }.Select((v, i) => $"{2015 + i},{v}"));
        var points = (await JsonOfAsync("analyse", "spc", Write("v3.csv", csv), "--json"))["points"]!.AsArray();
        Assert.Equal("outside-limits", points[0]!["rule"]!.GetValue<string>());
        Assert.Equal("trend", points[1]!["rule"]!.GetValue<string>());
        Assert.Equal("outside-limits", points[6]!["rule"]!.GetValue<string>());
        Assert.Null(points[9]!["rule"]);
        Assert.Equal("common", points[9]!["variation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gap_json_reproduces_the_gap_index_of_3_75()
    {
        var csv = "score,disadvantaged\n110,0\n108,false\n105,1\n104,0\n100,0\n100,true\n98,0\n95,1\n92,0\n90,1\n";
        var gap = await JsonOfAsync("analyse", "gap", Write("gap.csv", csv), "--json");
        Assert.Equal(10, gap["n"]!.GetValue<int>());
        Assert.Equal(4, gap["nDisadvantaged"]!.GetValue<int>());
        Assert.Equal(3.75, gap["gapIndex"]!.GetValue<double>(), 10);
        Assert.Equal(4.5, gap["meanGap"]!.GetValue<double>(), 10);
        Assert.True(gap["meanGapLow"]!.GetValue<double>() < 4.5 && gap["meanGapHigh"]!.GetValue<double>() > 4.5);
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_every_problem_by_line_and_column_and_exit_code_two()
    {
        var run = await StepwiseProcess.RunAsync("analyse", "gap", Write("bad.csv", "score,disadvantaged\n110,0\nabc,1\n100,maybe\n"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv: line 3, column \"score\": is not a number (found \"abc\")", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv: line 4, column \"disadvantaged\": must be 1 or 0", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    /// <summary>Issue 17 defect 5: a value of 1e308 ended `analyse spc --json` with a raw .NET message about infinity.</summary>
    [Theory]
    [InlineData("spc", "period,value\n1,1e308\n2,-1e308\n3,5\n", "value")]
    [InlineData("gap", "score,disadvantaged\n1e308,1\n5,0\n", "score")]
    public async Task A_value_too_large_to_analyse_is_refused_by_line_and_column_not_with_a_raw_error(string verb, string csv, string column)
    {
        var run = await StepwiseProcess.RunAsync("analyse", verb, Write($"huge-{verb}.csv", csv), "--json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"huge-{verb}.csv: line 2, column \"{column}\": is too large to analyse", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonSerializer", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_file_without_the_expected_header_says_which_column_is_missing()
    {
        var run = await StepwiseProcess.RunAsync("analyse", "spc", Write("noheader.csv", "week,attendance\n1,95.2\n"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the header has no \"period\" column", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
