using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

/// <summary>
/// Puts a framework definition into the trust: a new framework, the next version of one (found by key), or new
/// content for the latest version while no judgement or priority uses it. A version in use is never changed: the
/// answer says to make the next version, which maps its areas to the old ones. Importing the same content twice
/// changes nothing. Nothing is stored if anything is wrong.
/// </summary>
public sealed class SaveFramework(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue, TrustScope scope, TimeProvider clock)
{
    public sealed record Saved(FrameworkSummary Framework, int Version, bool Changed, string Message);

    /// <summary>Adds a framework from the Stepwise library to the trust.</summary>
    public async Task<Outcome<Saved>> InstallAsync(string? key, CancellationToken ct)
    {
        var definition = FrameworkLibrary.Find(key);
        if (definition is null)
        {
            return Outcome<Saved>.Invalid(new Problems().Add("key",
                $"There is no framework \"{key}\" in the library: choose one of {string.Join(", ", FrameworkLibrary.All.Select(d => d.Key))}."));
        }
        return await ImportAsync(definition, origin: "library", ct);
    }

    public Task<Outcome<Saved>> ImportAsync(FrameworkDefinition definition, CancellationToken ct) => ImportAsync(definition, origin: "trust", ct);

    /// <summary>Replaces the content of one version (PUT); refused once the version is in use.</summary>
    public async Task<Outcome<Saved>> ReplaceAsync(int frameworkId, int number, FrameworkDefinition definition, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct))
        {
            return await db.Frameworks.AnyAsync(f => f.Id == frameworkId, ct) ? Outcome<Saved>.Forbidden() : Outcome<Saved>.NotFound();
        }
        var framework = await db.Frameworks.FirstOrDefaultAsync(f => f.Id == frameworkId, ct);
        if (framework is null || !await db.FrameworkVersions.AnyAsync(v => v.FrameworkId == frameworkId && v.Number == number, ct))
        {
            return Outcome<Saved>.NotFound();
        }
        if (definition.Key is not null && definition.Key != framework.Key)
        {
            return Outcome<Saved>.Invalid(new Problems().Add("key", $"This is the framework \"{framework.Key}\"; the definition's key \"{definition.Key}\" does not match."));
        }
        if (definition.Version is int v && v != number)
        {
            return Outcome<Saved>.Invalid(new Problems().Add("version", $"This is version {number}; the definition says version {v}."));
        }
        return await ImportAsync(definition with { Key = framework.Key, Version = number }, framework.Origin, ct);
    }

    private async Task<Outcome<Saved>> ImportAsync(FrameworkDefinition raw, string origin, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct))
        {
            return Outcome<Saved>.Forbidden();
        }
        var problems = FrameworkRules.Check(raw);
        if (problems.Any)
        {
            return Outcome<Saved>.Invalid(problems);
        }
        var definition = Normalise(raw);
        var framework = await db.Frameworks.FirstOrDefaultAsync(f => f.Key == definition.Key, ct);
        if (framework is null)
        {
            return await CreateAsync(definition with { Level = definition.Level ?? Codes.Of(FrameworkLevel.School) }, origin, ct);
        }
        // A framework keeps its level: judgements of schools and of the trust never share one.
        var level = Codes.Of(framework.Level);
        if (definition.Level is not null && definition.Level != level)
        {
            return Invalid("level", $"{framework.Name} is a {level}-level framework, so its versions are {level}-level too, not {definition.Level}-level: " +
                "give a framework of the other level a key of its own.");
        }
        definition = definition with { Level = level };

        var latest = await catalogue.LoadAsync(framework.Id, null, ct);
        var latestNumber = latest?.Version.Number ?? 0;
        var number = definition.Version ?? latestNumber + 1;
        var name = framework.Name;
        if (number > latestNumber + 1)
        {
            return Invalid("version", $"{name} has {Versions(latestNumber)}: the next one is version {latestNumber + 1}, not {number}.");
        }
        if (number <= latestNumber)
        {
            var existing = (await catalogue.LoadAsync(framework.Id, number, ct))!;
            var previousForMapping = number > 1 ? await catalogue.LoadAsync(framework.Id, number - 1, ct) : null;
            var incoming = WithImplicitMapping(definition with { Version = number }, previousForMapping);
            if (Same(FrameworkCatalogue.Export(existing), incoming))
            {
                return Outcome<Saved>.Ok(new Saved(await SummaryAsync(framework.Id, ct), number, false, $"Version {number} of {name} is already in your trust: nothing changed."));
            }
            if (existing.Used)
            {
                return Invalid("version", $"Version {number} of {name} has judgements or plan priorities, so it cannot be changed. " +
                    $"Make version {latestNumber + 1} instead: its areas map to version {latestNumber}'s, so the history reads across.");
            }
            if (number != latestNumber)
            {
                return Invalid("version", $"Only the latest version of {name} (version {latestNumber}) can be changed.");
            }
            var mapping = CheckMapping(incoming, previousForMapping);
            if (mapping.Any)
            {
                return Outcome<Saved>.Invalid(mapping);
            }
            await using var transaction = await OwnTransactionAsync(ct);
            var version = await db.FrameworkVersions.Include(v => v.Areas).Include(v => v.Grades).FirstAsync(v => v.Id == existing.Version.Id, ct);
            db.FrameworkAreas.RemoveRange(version.Areas);
            db.FrameworkGrades.RemoveRange(version.Grades);
            await db.SaveChangesAsync(ct);
            version.Areas.Clear();
            version.Grades.Clear();
            version.Notes = incoming.Notes;
            Fill(version, incoming);
            Describe(framework, incoming);
            await db.SaveChangesAsync(ct);
            await CommitAsync(transaction, ct);
            return Outcome<Saved>.Ok(new Saved(await SummaryAsync(framework.Id, ct), number, true, $"Version {number} of {framework.Name} has been changed."));
        }

        // The next version: its areas continue the latest version's.
        var next = WithImplicitMapping(definition with { Version = number }, latest);
        if (latest is not null && Same(WithoutMapping(FrameworkCatalogue.Export(latest)), WithoutMapping(next)))
        {
            return Outcome<Saved>.Ok(new Saved(await SummaryAsync(framework.Id, ct), latestNumber, false, $"This is the same as version {latestNumber} of {name}: nothing changed."));
        }
        var mappingProblems = CheckMapping(next, latest);
        if (mappingProblems.Any)
        {
            return Outcome<Saved>.Invalid(mappingProblems);
        }
        var added = NewVersion(framework.Id, next);
        Describe(framework, next);
        db.FrameworkVersions.Add(added);
        await db.SaveChangesAsync(ct);
        return Outcome<Saved>.Ok(new Saved(await SummaryAsync(framework.Id, ct), number, true, $"Version {number} of {framework.Name} has been added."));
    }

    private async Task<Outcome<Saved>> CreateAsync(FrameworkDefinition definition, string origin, CancellationToken ct)
    {
        if (definition.Version is int v && v != 1)
        {
            return Invalid("version", $"\"{definition.Name}\" is new to your trust, so it starts at version 1, not {v}.");
        }
        var mapping = CheckMapping(definition with { Version = 1 }, null);
        if (mapping.Any)
        {
            return Outcome<Saved>.Invalid(mapping);
        }
        await using var transaction = await OwnTransactionAsync(ct);
        Codes.TryParse<FrameworkLevel>(definition.Level, out var level);
        var framework = new Framework { Key = definition.Key!, Name = "", Origin = origin, Level = level, CreatedAt = clock.UtcNow() };
        Describe(framework, definition);
        db.Frameworks.Add(framework);
        await db.SaveChangesAsync(ct);
        db.FrameworkVersions.Add(NewVersion(framework.Id, definition with { Version = 1 }));
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        return Outcome<Saved>.Ok(new Saved(await SummaryAsync(framework.Id, ct), 1, true, $"{framework.Name} has been added to your trust."));
    }

    /// <summary>A transaction of its own, unless the caller (the demo loader) already has one that this joins.</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    private static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private FrameworkVersion NewVersion(int frameworkId, FrameworkDefinition d)
    {
        var version = new FrameworkVersion
        {
            FrameworkId = frameworkId,
            Number = d.Version!.Value,
            Notes = d.Notes,
            CreatedAt = clock.UtcNow(),
            CreatedBy = scope.Actor,
        };
        Fill(version, d);
        return version;
    }

    private static void Fill(FrameworkVersion version, FrameworkDefinition d)
    {
        foreach (var s in d.Scales!)
        {
            var rank = 1;
            foreach (var g in s.Grades!)
            {
                version.Grades.Add(new FrameworkGrade { Scale = s.Key!, ScaleName = s.Name!, Key = g.Key!, Name = g.Name!, Rank = rank++ });
            }
        }
        var order = 1;
        foreach (var a in d.Areas!)
        {
            version.Areas.Add(new FrameworkArea
            {
                Key = a.Key!,
                Name = a.Name!,
                Description = a.Description,
                Group = a.Group,
                Scale = a.Scale!,
                AppliesWhere = a.AppliesWhere,
                MapsFrom = string.Join(",", a.MapsFrom ?? []),
                Order = order++,
            });
        }
    }

    private static void Describe(Framework framework, FrameworkDefinition d)
    {
        framework.Name = d.Name!;
        framework.Description = d.Description;
    }

    /// <summary>An area with the same key as one in the previous version continues it, unless it says otherwise.</summary>
    private static FrameworkDefinition WithImplicitMapping(FrameworkDefinition d, LoadedVersion? previous)
    {
        if (previous is null)
        {
            return d;
        }
        var keys = previous.Areas.Select(a => a.Key).ToHashSet();
        return d with
        {
            Areas = d.Areas!.Select(a => a.MapsFrom is { Count: > 0 } || !keys.Contains(a.Key!) ? a : a with { MapsFrom = [a.Key!] }).ToList(),
        };
    }

    private static Problems CheckMapping(FrameworkDefinition d, LoadedVersion? previous)
    {
        var problems = new Problems();
        var keys = previous?.Areas.Select(a => a.Key).ToHashSet() ?? [];
        for (var i = 0; i < d.Areas!.Count; i++)
        {
            var unknown = (d.Areas[i].MapsFrom ?? []).Where(k => !keys.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"areas[{i}].mapsFrom", previous is null
                    ? $"Area \"{d.Areas[i].Name}\" maps from {string.Join(", ", unknown.Select(k => $"\"{k}\""))}, but there is no earlier version to map from."
                    : $"Area \"{d.Areas[i].Name}\" maps from {string.Join(", ", unknown.Select(k => $"\"{k}\""))}, which version {previous.Version.Number} does not have (it has {string.Join(", ", keys)}).");
            }
        }
        return problems;
    }

    private static FrameworkDefinition Normalise(FrameworkDefinition d) => d with
    {
        Key = d.Key!.Trim(),
        Name = d.Name!.Trim(),
        Description = Text.Clean(d.Description),
        Level = Codes.TryParse<FrameworkLevel>(d.Level, out var level) ? Codes.Of(level) : null,
        Notes = Text.Clean(d.Notes),
        Scales = d.Scales!.Select(s => new ScaleDefinition
        {
            Key = s.Key,
            Name = s.Name!.Trim(),
            Grades = s.Grades!.Select(g => new GradeDefinition { Key = g.Key, Name = g.Name!.Trim() }).ToList(),
        }).ToList(),
        Areas = d.Areas!.Select(a => new AreaDefinition
        {
            Key = a.Key,
            Name = a.Name!.Trim(),
            Description = Text.Clean(a.Description),
            Group = Text.Clean(a.Group),
            Scale = a.Scale,
            AppliesWhere = Text.Clean(a.AppliesWhere),
            MapsFrom = a.MapsFrom is { Count: > 0 } ? a.MapsFrom.Select(k => k.Trim()).Distinct().ToList() : null,
        }).ToList(),
    };

    private static FrameworkDefinition WithoutMapping(FrameworkDefinition d) =>
        d with { Areas = d.Areas!.Select(a => a with { MapsFrom = null }).ToList() };

    private static bool Same(FrameworkDefinition a, FrameworkDefinition b) =>
        (a with { Version = null, Notes = null }).ToJson() == (b with { Version = null, Notes = null }).ToJson();

    private async Task<FrameworkSummary> SummaryAsync(int frameworkId, CancellationToken ct) =>
        (await catalogue.ListAsync(ct)).First(f => f.Id == frameworkId);

    private static Outcome<Saved> Invalid(string field, string message) => Outcome<Saved>.Invalid(new Problems().Add(field, message));

    private static string Versions(int n) => n == 1 ? "1 version" : $"{n} versions";
}
