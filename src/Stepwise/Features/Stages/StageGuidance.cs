using System.Text.Json;

namespace Stepwise.Features.Stages;

/// <summary>What each stage asks of leaders, as data: <c>Definitions/stages.json</c>, carried inside the executable.</summary>
public static class StageGuidance
{
    public sealed record Guidance(
        string Key,
        string Name,
        string Summary,
        List<string> Leadership,
        List<string> TypicalActions,
        List<string> EntryCriteria,
        List<string> ExitCriteria);

    public sealed record Document(string About, List<Guidance> Stages);

    private static readonly Lazy<Document> Loaded = new(() =>
    {
        using var stream = typeof(StageGuidance).Assembly.GetManifestResourceStream("Stepwise.Features.Stages.Definitions.stages.json")
            ?? throw new InvalidOperationException("The stage guidance (Features/Stages/Definitions/stages.json) is missing from the build.");
        var document = JsonSerializer.Deserialize<Document>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var keys = document.Stages.Select(s => s.Key).ToList();
        var expected = Enum.GetValues<Stage>().Select(Stepwise.Common.Codes.Of).ToList();
        if (!keys.SequenceEqual(expected))
        {
            throw new InvalidOperationException($"The stage guidance must describe {string.Join(", ", expected)} in that order.");
        }
        return document;
    });

    public static Document All => Loaded.Value;

    public static Guidance For(Stage stage) => All.Stages[(int)stage - 1];
}
