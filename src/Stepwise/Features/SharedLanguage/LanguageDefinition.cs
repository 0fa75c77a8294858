using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Stepwise.Common;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// A version of a shared language as a JSON file: what <c>Definitions/starter.json</c> holds, what the API and the
/// command line import and export, and what a page upload reads. An item keeps its key from version to version while
/// it means the same.
/// </summary>
public sealed record LanguageDefinition
{
    public string? Name { get; init; }

    /// <summary>The version number on export; left out (or ignored) on import, which always writes the next version.</summary>
    public int? Version { get; init; }

    public string? Notes { get; init; }
    public List<ItemDefinition>? Terms { get; init; }
    public List<ItemDefinition>? LookFors { get; init; }
    public List<ItemDefinition>? Steps { get; init; }

    public static readonly JsonSerializerOptions Json = FrameworkDefinition.Json;

    /// <summary>Reads a definition from JSON text; a file that is not JSON of the right shape is named with its line and position.</summary>
    public static Outcome<LanguageDefinition> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<LanguageDefinition>.Invalid(new Problems().Add("definition", "Paste or choose a shared language's JSON file."));
        }
        try
        {
            var definition = JsonSerializer.Deserialize<LanguageDefinition>(text, Json);
            return definition is null
                ? Outcome<LanguageDefinition>.Invalid(new Problems().Add("definition", "The JSON is empty (null)."))
                : Outcome<LanguageDefinition>.Ok(definition);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (in {e.Path.TrimStart('$', '.')})";
            return Outcome<LanguageDefinition>.Invalid(new Problems().Add("definition", $"The language's JSON cannot be read{where}{path}: check the brackets, commas and quotes."));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The line of the file each item starts on, by its field ("lookFors[3]"), so a problem can name its line.</summary>
    public static Dictionary<string, int> ItemLines(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string? list = null;
        var index = -1;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    (list, index) = (reader.GetString(), -1);
                }
                else if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject && list is not null)
                {
                    var line = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                    lines[$"{JsonNamingPolicy.CamelCase.ConvertName(list)}[{++index}]"] = line;
                }
            }
        }
        catch (JsonException)
        {
            // The lines found before the file stops being JSON are still right.
        }
        return lines;
    }

    /// <summary>A stored version as its JSON definition (export).</summary>
    public static LanguageDefinition From(ReadLanguage.LanguageView view, string trustName) => new()
    {
        Name = $"{trustName} shared language",
        Version = view.Version.Number,
        Notes = view.Version.Notes,
        Terms = view.Terms.Select(ItemDefinition.From).ToList(),
        LookFors = view.LookFors.Select(ItemDefinition.From).ToList(),
        Steps = view.Steps.Select(ItemDefinition.From).ToList(),
    };

    /// <summary>The lists of the file with the kind each holds and its JSON name.</summary>
    public IEnumerable<(LanguageItemKind Kind, string Field, List<ItemDefinition> Items)> Lists()
    {
        yield return (LanguageItemKind.Term, "terms", Terms ?? []);
        yield return (LanguageItemKind.LookFor, "lookFors", LookFors ?? []);
        yield return (LanguageItemKind.Step, "steps", Steps ?? []);
    }
}

/// <summary>A term, look-for or coaching step as the JSON file holds it.</summary>
public sealed record ItemDefinition
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }
    public string? EefStrand { get; init; }

    public static ItemDefinition From(LanguageItem item) => new()
    {
        Key = item.Key, Name = item.Name, Description = item.Description, Category = item.Category, EefStrand = item.EefStrand,
    };
}

/// <summary>The rules an item and a whole language must pass, wherever they come from (a form, the API, a file).</summary>
public static class LanguageRules
{
    public const int MaxItems = 300;

    public static string Noun(LanguageItemKind kind) => kind switch
    {
        LanguageItemKind.Term => "term",
        LanguageItemKind.LookFor => "look-for",
        _ => "coaching step",
    };

    /// <summary>Checks one item; <paramref name="at"/> is the field prefix ("lookFors[3]." in a file, "" on a form).</summary>
    public static Problems Check(ItemDefinition item, LanguageItemKind kind, string at, Problems? into = null)
    {
        var problems = into ?? new Problems();
        var label = $"{Capital(Noun(kind))} \"{item.Name ?? item.Key ?? "without a name"}\"";
        if (!FrameworkRules.IsKey(item.Key))
        {
            problems.Add($"{at}key", string.IsNullOrWhiteSpace(item.Key)
                ? $"{label} needs a key: a short name in lower case with hyphens, like \"cold-call\"."
                : $"{label}: the key \"{item.Key}\" must be lower case letters and digits joined by hyphens, like \"cold-call\", at most 60 characters.");
        }
        if (string.IsNullOrWhiteSpace(item.Name))
        {
            problems.Add($"{at}name", $"{Capital(Noun(kind))} \"{item.Key}\" needs a name.");
        }
        else if (item.Name.Trim().Length > 200)
        {
            problems.Add($"{at}name", $"{label}: the name must be 200 characters or fewer.");
        }
        if (item.Description?.Trim().Length > 2000)
        {
            problems.Add($"{at}description", $"{label}: the description must be 2,000 characters or fewer.");
        }
        if (item.Category?.Trim().Length > 80)
        {
            problems.Add($"{at}category", $"{label}: the category must be 80 characters or fewer.");
        }
        if (!string.IsNullOrWhiteSpace(item.EefStrand) && EefToolkit.Find(item.EefStrand) is null)
        {
            problems.Add($"{at}eefStrand", $"{label}: \"{item.EefStrand.Trim()}\" is not a strand of the EEF Teaching and Learning Toolkit. " +
                "Use a strand's name as the Toolkit gives it (for example \"Feedback\" or \"Metacognition and self-regulation\"), or leave it out.");
        }
        return problems;
    }

    /// <summary>Checks a whole file: every item, and keys unique within each list.</summary>
    public static Problems Check(LanguageDefinition d)
    {
        var problems = new Problems();
        if (d.Notes?.Trim().Length > 1000)
        {
            problems.Add("notes", "The notes on the version must be 1,000 characters or fewer.");
        }
        var count = 0;
        foreach (var (kind, field, items) in d.Lists())
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var at = $"{field}[{i}].";
                if (item is null)
                {
                    problems.Add($"{field}[{i}]", $"Item {i + 1} of \"{field}\" is empty.");
                    continue;
                }
                Check(item, kind, at, problems);
                if (item.Key is not null && !keys.Add(item.Key))
                {
                    problems.Add($"{at}key", $"There are two {Noun(kind)}s with the key \"{item.Key}\": a key names one item.");
                }
            }
            count += items.Count;
        }
        if (count == 0)
        {
            problems.Add("definition", "The file has no terms, look-fors or steps.");
        }
        else if (count > MaxItems)
        {
            problems.Add("definition", $"A shared language can have at most {MaxItems} items; this one has {count}.");
        }
        return problems;
    }

    /// <summary>An item with its text trimmed and its strand spelt as the Toolkit spells it.</summary>
    public static ItemDefinition Normalise(ItemDefinition item) => new()
    {
        Key = item.Key!.Trim(),
        Name = item.Name!.Trim(),
        Description = Text.Clean(item.Description),
        Category = Text.Clean(item.Category),
        EefStrand = EefToolkit.Find(item.EefStrand),
    };

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>The starter language shipped with Stepwise (<c>Definitions/starter.json</c>), carried inside the executable.</summary>
public static class StarterLanguage
{
    private const string Resource = "Stepwise.Features.SharedLanguage.Definitions.starter.json";

    private static readonly Lazy<LanguageDefinition> Loaded = new(() =>
    {
        using var stream = typeof(StarterLanguage).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The starter language ({Resource}) is not in the executable.");
        var definition = JsonSerializer.Deserialize<LanguageDefinition>(stream, LanguageDefinition.Json)
            ?? throw new InvalidOperationException("The starter language is empty.");
        var problems = LanguageRules.Check(definition);
        // A shipped file that does not pass its own rules is a bug in Stepwise, caught by the tests.
        return problems.Any
            ? throw new InvalidOperationException("The starter language is not valid: " + string.Join(" ", problems.ToDictionary().SelectMany(p => p.Value)))
            : definition;
    });

    public static LanguageDefinition Definition => Loaded.Value;
}
