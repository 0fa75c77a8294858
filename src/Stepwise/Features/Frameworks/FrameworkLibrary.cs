using System.Text.Json;

namespace Stepwise.Features.Frameworks;

/// <summary>
/// The frameworks shipped with Stepwise: the JSON files in <c>Features/Frameworks/Definitions</c>, carried inside
/// the executable. A trust adds one to its own frameworks to start judging against it.
/// </summary>
public static class FrameworkLibrary
{
    private const string Prefix = "Stepwise.Features.Frameworks.Definitions.";

    private static readonly Lazy<IReadOnlyList<FrameworkDefinition>> Definitions = new(Load);

    public static IReadOnlyList<FrameworkDefinition> All => Definitions.Value;

    public static FrameworkDefinition? Find(string? key) => All.FirstOrDefault(d => d.Key == key);

    public const string Ofsted = "ofsted-2025";
    public const string InsideOut = "inside-out";
    public const string TrustQuality = "trust-quality";

    private static List<FrameworkDefinition> Load()
    {
        var assembly = typeof(FrameworkLibrary).Assembly;
        var list = new List<FrameworkDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var definition = JsonSerializer.Deserialize<FrameworkDefinition>(stream, FrameworkDefinition.Json)
                ?? throw new InvalidOperationException($"The framework definition {name} is empty.");
            var problems = FrameworkRules.Check(definition);
            if (problems.Any)
            {
                // A shipped file that does not pass its own rules is a bug in Stepwise, caught by the tests.
                throw new InvalidOperationException($"The framework definition {name} is not valid: " +
                    string.Join(" ", problems.ToDictionary().SelectMany(p => p.Value)));
            }
            list.Add(definition);
        }
        return list;
    }
}
