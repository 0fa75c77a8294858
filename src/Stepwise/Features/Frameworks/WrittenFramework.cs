using Stepwise.Common;

namespace Stepwise.Features.Frameworks;

/// <summary>
/// A framework as a person writes it in the app: a name, one scale (its grades one per line, best first) and the
/// areas one per line — "Group: Area" to put an area under a heading, and "(was: Old area)" at the end when a new
/// version renames or merges areas. Turned into the same <see cref="FrameworkDefinition"/> a JSON file holds.
/// </summary>
public sealed record WrittenFramework
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Notes { get; init; }
    public string? ScaleName { get; init; }
    public string? Grades { get; init; }
    public string? Areas { get; init; }

    public const string DefaultGrades = "Exceptional\nStrong standard\nExpected standard\nNeeds attention\nUrgent improvement";

    /// <summary>The definition, or the problems named by form field (name, grades, areas) and line.</summary>
    public Outcome<FrameworkDefinition> ToDefinition(string key, int? version, LoadedVersion? previous)
    {
        var problems = new Problems();
        problems.Require("name", Name, "framework's name", 200);
        problems.Optional("description", Description, "description", 2000);
        problems.Optional("notes", Notes, "notes on the version", 1000);
        var gradeNames = Lines(Grades);
        if (gradeNames.Count is < 2 or > FrameworkRules.MaxGrades)
        {
            problems.Add("grades", $"Write between 2 and {FrameworkRules.MaxGrades} grades, one per line, best first.");
        }
        var gradeKeys = gradeNames.Select(FrameworkRules.KeyFrom).ToList();
        foreach (var (name, i) in gradeNames.Select((n, i) => (n, i)))
        {
            if (gradeKeys[i].Length == 0)
            {
                problems.Add("grades", $"Line {i + 1} of the grades (\"{name}\") needs letters or digits.");
            }
            else if (gradeKeys.IndexOf(gradeKeys[i]) < i)
            {
                problems.Add("grades", $"Line {i + 1} of the grades repeats \"{name}\".");
            }
        }

        var areas = new List<AreaDefinition>();
        var lines = Lines(Areas);
        if (lines.Count == 0)
        {
            problems.Add("areas", "Write at least one area, one per line.");
        }
        var previousByName = previous?.Areas.ToDictionary(a => a.Name.Trim().ToLowerInvariant(), a => a.Key) ?? [];
        var previousKeys = previous?.Areas.Select(a => a.Key).ToHashSet() ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            List<string>? mapsFrom = null;
            var was = line.LastIndexOf("(was:", StringComparison.OrdinalIgnoreCase);
            if (was >= 0 && line.EndsWith(')'))
            {
                var olds = line[(was + 5)..^1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                line = line[..was].Trim();
                mapsFrom = [];
                foreach (var oldName in olds)
                {
                    if (previousByName.TryGetValue(oldName.ToLowerInvariant(), out var oldKey) || previousKeys.Contains(oldKey = FrameworkRules.KeyFrom(oldName)))
                    {
                        mapsFrom.Add(oldKey);
                    }
                    else
                    {
                        problems.Add("areas", previous is null
                            ? $"Line {i + 1} of the areas says \"was: {oldName}\", but there is no earlier version."
                            : $"Line {i + 1} of the areas says \"was: {oldName}\", but version {previous.Version.Number} has no area called that.");
                    }
                }
            }
            string? group = null;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                group = line[..colon].Trim();
                line = line[(colon + 1)..].Trim();
            }
            var areaKey = FrameworkRules.KeyFrom(line);
            if (areaKey.Length == 0)
            {
                problems.Add("areas", $"Line {i + 1} of the areas has no name.");
                continue;
            }
            if (areas.Any(a => a.Key == areaKey))
            {
                problems.Add("areas", $"Line {i + 1} of the areas repeats \"{line}\".");
                continue;
            }
            // An unchanged name keeps the old area's description and where it applies.
            var old = previous?.Areas.FirstOrDefault(a => a.Key == areaKey);
            areas.Add(new AreaDefinition
            {
                Key = areaKey,
                Name = line.Length > 200 ? line[..200] : line,
                Group = group,
                Scale = "grades",
                Description = old?.Description,
                AppliesWhere = old?.AppliesWhere,
                MapsFrom = mapsFrom,
            });
        }
        if (problems.Any)
        {
            return Outcome<FrameworkDefinition>.Invalid(problems);
        }
        return Outcome<FrameworkDefinition>.Ok(new FrameworkDefinition
        {
            Key = key,
            Name = Name!.Trim(),
            Description = Text.Clean(Description),
            Version = version,
            Notes = Text.Clean(Notes),
            Scales = [new ScaleDefinition
            {
                Key = "grades",
                Name = Text.Clean(ScaleName) ?? "Grades",
                Grades = gradeNames.Select((g, i) => new GradeDefinition { Key = gradeKeys[i], Name = g }).ToList(),
            }],
            Areas = areas,
        });
    }

    /// <summary>The form filled from a version, to write the next version or change this one.</summary>
    public static WrittenFramework From(LoadedVersion v) => new()
    {
        Name = v.Framework.Name,
        Description = v.Framework.Description,
        ScaleName = v.Scales.First().Name,
        Grades = string.Join("\n", v.Scale(v.Scales.First().Key).Select(g => g.Name)),
        Areas = string.Join("\n", v.Areas.Select(a => a.Group is null ? a.Name : $"{a.Group}: {a.Name}")),
    };

    /// <summary>The app's editor handles frameworks with one scale; others are changed through their JSON.</summary>
    public static bool CanWrite(LoadedVersion v) => v.Scales.Count() == 1;

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
