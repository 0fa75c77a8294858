using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Stepwise.Common;

namespace Stepwise.Features.Frameworks;

/// <summary>
/// A framework version as a JSON file: what <c>Definitions/*.json</c> hold, what the API imports and exports, and
/// what the in-app editor produces. Scales list their grades best first. An area keeps its key from version to
/// version while it means the same; <see cref="AreaDefinition.MapsFrom"/> names the previous version's areas it
/// continues when areas are renamed, merged or split.
/// </summary>
public sealed record FrameworkDefinition
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>"school" (schools judge themselves against it) or "trust" (the trust judges itself); left out, a new framework is school-level and an existing one keeps its level.</summary>
    public string? Level { get; init; }

    /// <summary>The version number; left out on import, it means "the next version".</summary>
    public int? Version { get; init; }

    public string? Notes { get; init; }
    public List<ScaleDefinition>? Scales { get; init; }
    public List<AreaDefinition>? Areas { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a definition from JSON text; a file that is not JSON of the right shape is named with its line and position.</summary>
    public static Outcome<FrameworkDefinition> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<FrameworkDefinition>.Invalid(new Problems().Add("definition", "Paste or choose a framework's JSON definition."));
        }
        try
        {
            var definition = JsonSerializer.Deserialize<FrameworkDefinition>(text, Json);
            return definition is null
                ? Outcome<FrameworkDefinition>.Invalid(new Problems().Add("definition", "The JSON is empty (null)."))
                : Outcome<FrameworkDefinition>.Ok(definition);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (in {e.Path.TrimStart('$', '.')})";
            return Outcome<FrameworkDefinition>.Invalid(new Problems().Add("definition", $"The framework's JSON cannot be read{where}{path}: check the brackets, commas and quotes."));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record ScaleDefinition
{
    public string? Key { get; init; }
    public string? Name { get; init; }

    /// <summary>Best first.</summary>
    public List<GradeDefinition>? Grades { get; init; }
}

public sealed record GradeDefinition
{
    public string? Key { get; init; }
    public string? Name { get; init; }
}

public sealed record AreaDefinition
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Group { get; init; }
    public string? Scale { get; init; }
    public string? AppliesWhere { get; init; }
    public List<string>? MapsFrom { get; init; }
}

/// <summary>Checks a definition on its own (keys, names, scales, areas); mapping to an earlier version is checked on import.</summary>
public static partial class FrameworkRules
{
    public const int MaxAreas = 100;
    public const int MaxGrades = 10;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();

    public static bool IsKey(string? key) => key is { Length: > 0 and <= 60 } && KebabCase().IsMatch(key);

    /// <summary>"Curriculum and teaching" → "curriculum-and-teaching".</summary>
    public static string KeyFrom(string name)
    {
        var key = NotKeyCharacters().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        return key.Length > 60 ? key[..60].TrimEnd('-') : key;
    }

    public static Problems Check(FrameworkDefinition d)
    {
        var problems = new Problems();
        if (!IsKey(d.Key))
        {
            problems.Add("key", string.IsNullOrWhiteSpace(d.Key)
                ? "Give the framework a key: a short name in lower case with hyphens, like \"our-framework\"."
                : $"The key \"{d.Key}\" must be lower case letters and digits joined by hyphens, like \"our-framework\", at most 60 characters.");
        }
        problems.Require("name", d.Name, "framework's name", 200);
        problems.Optional("description", d.Description, "description", 2000);
        if (d.Level is not null && !Codes.TryParse<FrameworkLevel>(d.Level, out _))
        {
            problems.Add("level", $"The level must be one of {Codes.List<FrameworkLevel>()} (who is judged against the framework: a school or the trust), not \"{d.Level}\".");
        }
        problems.Optional("notes", d.Notes, "notes on the version", 1000);
        if (d.Version is < 1)
        {
            problems.Add("version", "The version must be 1 or more.");
        }

        var scaleKeys = new HashSet<string>(StringComparer.Ordinal);
        if (d.Scales is not { Count: > 0 })
        {
            problems.Add("scales", "A framework needs at least one scale to grade its areas on.");
        }
        for (var i = 0; i < (d.Scales?.Count ?? 0); i++)
        {
            var s = d.Scales![i];
            var at = $"scales[{i}]";
            if (!IsKey(s.Key))
            {
                problems.Add($"{at}.key", $"Scale {i + 1} needs a key in lower case with hyphens, like \"five-point\".");
            }
            else if (!scaleKeys.Add(s.Key!))
            {
                problems.Add($"{at}.key", $"There are two scales with the key \"{s.Key}\".");
            }
            problems.Require($"{at}.name", s.Name, $"name of scale {i + 1}", 200);
            if (s.Grades is not { Count: >= 2 and <= MaxGrades })
            {
                problems.Add($"{at}.grades", $"Scale \"{s.Name ?? s.Key}\" needs between 2 and {MaxGrades} grades, best first.");
                continue;
            }
            var gradeKeys = new HashSet<string>(StringComparer.Ordinal);
            for (var g = 0; g < s.Grades.Count; g++)
            {
                var grade = s.Grades[g];
                if (!IsKey(grade.Key))
                {
                    problems.Add($"{at}.grades[{g}].key", $"Grade {g + 1} of scale \"{s.Name ?? s.Key}\" needs a key in lower case with hyphens, like \"strong-standard\".");
                }
                else if (!gradeKeys.Add(grade.Key!))
                {
                    problems.Add($"{at}.grades[{g}].key", $"Scale \"{s.Name ?? s.Key}\" has two grades with the key \"{grade.Key}\".");
                }
                problems.Require($"{at}.grades[{g}].name", grade.Name, $"name of grade {g + 1} of scale \"{s.Name ?? s.Key}\"", 100);
            }
        }

        if (d.Areas is not { Count: > 0 })
        {
            problems.Add("areas", "A framework needs at least one area to judge.");
            return problems;
        }
        if (d.Areas.Count > MaxAreas)
        {
            problems.Add("areas", $"A framework can have at most {MaxAreas} areas; this one has {d.Areas.Count}.");
        }
        var areaKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Areas.Count; i++)
        {
            var a = d.Areas[i];
            var at = $"areas[{i}]";
            var label = a.Name ?? a.Key ?? $"area {i + 1}";
            if (!IsKey(a.Key))
            {
                problems.Add($"{at}.key", $"Area \"{label}\" needs a key in lower case with hyphens, like \"curriculum-and-teaching\".");
            }
            else if (!areaKeys.Add(a.Key!))
            {
                problems.Add($"{at}.key", $"There are two areas with the key \"{a.Key}\".");
            }
            problems.Require($"{at}.name", a.Name, $"name of area {i + 1}", 200);
            problems.Optional($"{at}.description", a.Description, $"description of \"{label}\"", 2000);
            problems.Optional($"{at}.group", a.Group, $"group of \"{label}\"", 200);
            problems.Optional($"{at}.appliesWhere", a.AppliesWhere, $"\"applies where\" of \"{label}\"", 200);
            if (a.Scale is null || !scaleKeys.Contains(a.Scale))
            {
                problems.Add($"{at}.scale", scaleKeys.Count == 0
                    ? $"Area \"{label}\" needs a scale, but the framework has none."
                    : $"Area \"{label}\" must be graded on one of the framework's scales ({string.Join(", ", scaleKeys)}), not \"{a.Scale}\".");
            }
            if (a.MapsFrom?.Any(k => !IsKey(k)) == true)
            {
                problems.Add($"{at}.mapsFrom", $"Area \"{label}\" maps from keys that are not area keys: {string.Join(", ", a.MapsFrom.Where(k => !IsKey(k)).Select(k => $"\"{k}\""))}.");
            }
        }
        return problems;
    }
}
