using System.Text.Json.Nodes;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Cli;

/// <summary>A data folder with the real Hampshire and Surrey register imported by `stepwise import register`.</summary>
public sealed class RegisterDataFolder : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("stepwise-benchmark-").FullName;
    public StepwiseProcess.Run? Import { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (SharedData.Folder is not null)
        {
            Import = await StepwiseProcess.RunAsync("import", "register",
                Path.Combine(SharedData.Folder, "dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv"), "--data", Folder);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>`stepwise benchmark comparators --urn URN [--json]` on the real register.</summary>
public sealed class FindingSimilarSchools(RegisterDataFolder data) : IClassFixture<RegisterDataFolder>
{
    private const string StPauls = "125171";

    private void EnsureData()
    {
        _ = SharedData.Path("dfe-hampshire-surrey");
        Assert.True(data.Import?.ExitCode == 0, data.Import?.ToString());
    }

    [Fact]
    public async Task Json_lists_the_school_first_at_distance_zero_then_29_others_nearest_first_within_the_region()
    {
        EnsureData();
        var run = await StepwiseProcess.RunAsync("benchmark", "comparators", "--urn", StPauls, "--json", "--data", data.Folder);
        Assert.True(run.ExitCode == 0, run.ToString());

        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(["comparators", "urn"], json.AsObject().Select(p => p.Key).Order().ToList());
        Assert.Equal(125171, json["urn"]!.GetValue<int>());
        var comparators = json["comparators"]!.AsArray();
        Assert.Equal(30, comparators.Count);
        Assert.Equal((125171, "St Paul's CofE (Aided) Primary School", 0.0),
            (comparators[0]!["urn"]!.GetValue<int>(), comparators[0]!["name"]!.GetValue<string>(), comparators[0]!["distance"]!.GetValue<double>()));
        Assert.All(comparators, c => Assert.Equal(["distance", "name", "urn"], c!.AsObject().Select(p => p.Key).Order().ToList()));
        Assert.Equal(30, comparators.Select(c => c!["urn"]!.GetValue<int>()).Distinct().Count());
        // Every school here is in the South East, so the set is simply the 29 nearest, in order.
        var distances = comparators.Skip(1).Select(c => c!["distance"]!.GetValue<double>()).ToList();
        Assert.Equal(distances.Order().ToList(), distances);
        Assert.True(distances[0] > 0);
    }

    [Fact]
    public async Task Text_output_names_the_method_and_lists_the_set()
    {
        EnsureData();
        var run = await StepwiseProcess.RunAsync("benchmark", "comparators", "--urn", StPauls, "--data", data.Folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("St Paul's CofE (Aided) Primary School (URN 125171): Primary, 29 similar schools.", run.Out, StringComparison.Ordinal);
        Assert.Contains("DfE weights 50% pupils, 40% free school meals, 10% SEN", run.Out, StringComparison.Ordinal);
        Assert.Equal(31, run.Out.Split('\n').Count(l => l.StartsWith("   ", StringComparison.Ordinal))); // the heading and 30 schools
    }

    [Fact]
    public async Task Adjusted_weights_give_a_different_set()
    {
        EnsureData();
        var dfe = await StepwiseProcess.RunAsync("benchmark", "comparators", "--urn", StPauls, "--json", "--data", data.Folder);
        var fsm = await StepwiseProcess.RunAsync("benchmark", "comparators", "--urn", StPauls, "--weights", "0,100,0", "--json", "--data", data.Folder);
        Assert.True(fsm.ExitCode == 0, fsm.ToString());
        Assert.NotEqual(dfe.Out, fsm.Out);
    }

    [Fact]
    public async Task An_unknown_urn_or_bad_weights_are_bad_usage_with_a_clear_message()
    {
        EnsureData();
        var unknown = await StepwiseProcess.RunAsync("benchmark", "comparators", "--urn", "123456", "--json", "--data", data.Folder);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("", unknown.Out);
        Assert.Equal("stepwise: URN 123456 is not in the imported school register.", unknown.Error.Trim());

        var weights = await StepwiseProcess.RunAsync("benchmark", "comparators", "--urn", StPauls, "--weights", "50,40", "--data", data.Folder);
        Assert.Equal(2, weights.ExitCode);
        Assert.Contains("--weights must be three whole percentages", weights.Error, StringComparison.Ordinal);

        var missing = await StepwiseProcess.RunAsync("benchmark", "comparators", "--data", data.Folder);
        Assert.Equal(2, missing.ExitCode);
    }
}
