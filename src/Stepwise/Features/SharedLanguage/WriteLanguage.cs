using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// Writes the trust's shared language as versions: the starter adopted as version 1, a draft of the next version
/// (a copy of the current one), its items added, changed and removed, then published to become the current language.
/// A published version never changes, and one in use (a round chose its look-fors, a coaching step came from it) is
/// named as such. An import writes the draft from a file. Nothing is stored if anything is wrong.
/// </summary>
public sealed class WriteLanguage(AppDbContext db, AccessControl access, ReadLanguage read, TrustScope scope, TimeProvider clock)
{
    public sealed record Saved(int VersionId, int Number, bool Published, string Message);

    /// <summary>The starter language shipped with Stepwise, published as the trust's first version.</summary>
    public async Task<Outcome<Saved>> AdoptStarterAsync(CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct))
        {
            return Outcome<Saved>.Forbidden();
        }
        if (await db.LanguageVersions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct) is { } existing)
        {
            return Invalid("starter", $"Your trust already has a shared language (version {existing.Number}): the starter is only a first version. " +
                "To bring its items in, export the starter and import it as your next version.");
        }
        var version = NewVersion(1, StarterLanguage.Definition.Notes);
        Fill(version, StarterLanguage.Definition);
        version.PublishedAt = clock.UtcNow();
        db.LanguageVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return Outcome<Saved>.Ok(new Saved(version.Id, 1, true, "The starter language is your trust's shared language, version 1."));
    }

    /// <summary>The draft of the next version: the one being written, or a new copy of the current version (the starter if there is none).</summary>
    public async Task<Outcome<Saved>> StartDraftAsync(CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct))
        {
            return Outcome<Saved>.Forbidden();
        }
        if (await db.LanguageVersions.FirstOrDefaultAsync(v => v.PublishedAt == null, ct) is { } draft)
        {
            return Outcome<Saved>.Ok(new Saved(draft.Id, draft.Number, false, $"Version {draft.Number} is already being written: carry on with it."));
        }
        var current = await read.CurrentAsync(ct);
        var number = await NextNumberAsync(ct);
        var version = NewVersion(number, null);
        Fill(version, current is null ? StarterLanguage.Definition : LanguageDefinition.From(current, ""));
        db.LanguageVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return Outcome<Saved>.Ok(new Saved(version.Id, number, false, current is null
            ? $"Version {number} starts as a copy of the starter language: change it, then publish it."
            : $"Version {number} starts as a copy of version {current.Version.Number}: change it, then publish it."));
    }

    /// <summary>Adds a term, look-for or step to a draft; a key left out is made from the name.</summary>
    public async Task<Outcome<LanguageItem>> AddItemAsync(int versionId, LanguageItemKind? what, ItemDefinition input, CancellationToken ct)
    {
        var (version, refused) = await WritableAsync<LanguageItem>(versionId, ct);
        if (version is null)
        {
            return refused!;
        }
        if (what is not LanguageItemKind kind)
        {
            return Outcome<LanguageItem>.Invalid(new Problems().Add("kind", $"Say what the item is: {Codes.List<LanguageItemKind>()}."));
        }
        var item = string.IsNullOrWhiteSpace(input.Key) && !string.IsNullOrWhiteSpace(input.Name) ? input with { Key = FrameworkRules.KeyFrom(input.Name) } : input;
        var problems = LanguageRules.Check(item, kind, "");
        if (!problems.Any && await db.LanguageItems.AnyAsync(i => i.LanguageVersionId == versionId && i.Kind == kind && i.Key == item.Key!.Trim(), ct))
        {
            problems.Add("key", $"Version {version.Number} already has a {LanguageRules.Noun(kind)} with the key \"{item.Key}\".");
        }
        if (problems.Any)
        {
            return Outcome<LanguageItem>.Invalid(problems);
        }
        var clean = LanguageRules.Normalise(item);
        var order = await db.LanguageItems.Where(i => i.LanguageVersionId == versionId).Select(i => (int?)i.Order).MaxAsync(ct) ?? 0;
        var added = new LanguageItem
        {
            LanguageVersionId = versionId, Kind = kind, Key = clean.Key!, Name = clean.Name!, Description = clean.Description,
            Category = clean.Category, EefStrand = clean.EefStrand, Order = order + 1,
        };
        db.LanguageItems.Add(added);
        await db.SaveChangesAsync(ct);
        return Outcome<LanguageItem>.Ok(added);
    }

    /// <summary>Changes an item of a draft (its key stays unless a new one is given).</summary>
    public async Task<Outcome<LanguageItem>> ChangeItemAsync(int itemId, ItemDefinition input, CancellationToken ct)
    {
        var item = await db.LanguageItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return Outcome<LanguageItem>.NotFound();
        }
        var (version, refused) = await WritableAsync<LanguageItem>(item.LanguageVersionId, ct);
        if (version is null)
        {
            return refused!;
        }
        var changed = string.IsNullOrWhiteSpace(input.Key) ? input with { Key = item.Key } : input;
        var problems = LanguageRules.Check(changed, item.Kind, "");
        if (!problems.Any && await db.LanguageItems.AnyAsync(i => i.LanguageVersionId == item.LanguageVersionId && i.Kind == item.Kind && i.Id != itemId && i.Key == changed.Key!.Trim(), ct))
        {
            problems.Add("key", $"Version {version.Number} already has another {LanguageRules.Noun(item.Kind)} with the key \"{changed.Key}\".");
        }
        if (problems.Any)
        {
            return Outcome<LanguageItem>.Invalid(problems);
        }
        var clean = LanguageRules.Normalise(changed);
        (item.Key, item.Name, item.Description, item.Category, item.EefStrand) = (clean.Key!, clean.Name!, clean.Description, clean.Category, clean.EefStrand);
        await db.SaveChangesAsync(ct);
        return Outcome<LanguageItem>.Ok(item);
    }

    /// <summary>Removes an item from a draft.</summary>
    public async Task<Outcome<Saved>> RemoveItemAsync(int itemId, CancellationToken ct)
    {
        var item = await db.LanguageItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return Outcome<Saved>.NotFound();
        }
        var (version, refused) = await WritableAsync<Saved>(item.LanguageVersionId, ct);
        if (version is null)
        {
            return refused!;
        }
        db.LanguageItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return Outcome<Saved>.Ok(new Saved(version.Id, version.Number, false, $"\"{item.Name}\" has been taken out of version {version.Number}."));
    }

    /// <summary>Publishes a draft: it becomes the trust's current language and never changes again.</summary>
    public async Task<Outcome<Saved>> PublishAsync(int versionId, string? notes, CancellationToken ct)
    {
        var (version, refused) = await WritableAsync<Saved>(versionId, ct);
        if (version is null)
        {
            return refused!;
        }
        var problems = new Problems().Optional("notes", notes, "note on what changed", 1000);
        if (!await db.LanguageItems.AnyAsync(i => i.LanguageVersionId == versionId, ct))
        {
            problems.Add("notes", $"Version {version.Number} has no terms, look-fors or steps: add some before publishing it.");
        }
        if (problems.Any)
        {
            return Outcome<Saved>.Invalid(problems);
        }
        version.Notes = Text.Clean(notes) ?? version.Notes;
        version.PublishedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<Saved>.Ok(new Saved(version.Id, version.Number, true, $"Version {version.Number} is published: it is now your trust's shared language."));
    }

    /// <summary>
    /// Writes a file into the draft of the next version (made if there is none; its items replaced if there is), and
    /// publishes it if asked. Every problem names the item and the field; nothing is stored if there is one.
    /// </summary>
    public async Task<Outcome<Saved>> ImportAsync(LanguageDefinition definition, bool publish, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct))
        {
            return Outcome<Saved>.Forbidden();
        }
        var problems = LanguageRules.Check(definition);
        if (problems.Any)
        {
            return Outcome<Saved>.Invalid(problems);
        }
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (transaction)
        {
            var version = await db.LanguageVersions.Include(v => v.Items).FirstOrDefaultAsync(v => v.PublishedAt == null, ct);
            if (version is null)
            {
                version = NewVersion(await NextNumberAsync(ct), null);
                db.LanguageVersions.Add(version);
            }
            else
            {
                db.LanguageItems.RemoveRange(version.Items);
                await db.SaveChangesAsync(ct);
                version.Items.Clear();
            }
            version.Notes = Text.Clean(definition.Notes);
            Fill(version, definition);
            if (publish)
            {
                version.PublishedAt = clock.UtcNow();
            }
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            var count = version.Items.Count;
            return Outcome<Saved>.Ok(new Saved(version.Id, version.Number, publish, publish
                ? $"Imported {count} items as version {version.Number}, now your trust's shared language."
                : $"Imported {count} items into version {version.Number}, a draft: check it, then publish it."));
        }
    }

    /// <summary>The version if the acting person may write it and it is a draft nothing uses; otherwise why not.</summary>
    private async Task<(LanguageVersion? Version, Outcome<T>? Refused)> WritableAsync<T>(int versionId, CancellationToken ct)
    {
        var version = await db.LanguageVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return (null, Outcome<T>.NotFound());
        }
        if (!await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct))
        {
            return (null, Outcome<T>.Forbidden());
        }
        var summary = (await read.VersionsAsync(ct)).First(v => v.Id == versionId);
        if (summary.Used || summary.PublishedAt is not null)
        {
            var uses = new List<string>();
            if (summary.RoundsUsing > 0)
            {
                uses.Add(summary.RoundsUsing == 1 ? "a round uses its look-fors" : $"{summary.RoundsUsing} rounds use its look-fors");
            }
            if (summary.CoachingStepsUsing > 0)
            {
                uses.Add(summary.CoachingStepsUsing == 1 ? "a coaching step comes from it" : $"{summary.CoachingStepsUsing} coaching steps come from it");
            }
            var why = uses.Count > 0 ? $"is in use ({string.Join(" and ", uses)})" : "is published";
            var draft = await db.LanguageVersions.Where(v => v.PublishedAt == null).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
            return (null, Outcome<T>.Invalid(new Problems().Add("version",
                $"Version {version.Number} {why}, so it never changes: make the change in version {draft ?? await NextNumberAsync(ct)}, " +
                (draft is null ? "which starts as a copy of the current version." : "the draft being written."))));
        }
        return (version, null);
    }

    private async Task<int> NextNumberAsync(CancellationToken ct) =>
        (await db.LanguageVersions.Select(v => (int?)v.Number).MaxAsync(ct) ?? 0) + 1;

    private LanguageVersion NewVersion(int number, string? notes) => new()
    {
        Number = number, Notes = notes, CreatedAt = clock.UtcNow(), CreatedBy = scope.Actor,
    };

    /// <summary>Adds a definition's items to a version, in the file's order (terms, look-fors, steps).</summary>
    internal static void Fill(LanguageVersion version, LanguageDefinition d)
    {
        var order = 0;
        foreach (var (kind, _, items) in d.Lists())
        {
            foreach (var item in items.Select(LanguageRules.Normalise))
            {
                version.Items.Add(new LanguageItem
                {
                    Kind = kind, Key = item.Key!, Name = item.Name!, Description = item.Description, Category = item.Category,
                    EefStrand = item.EefStrand, Order = ++order,
                });
            }
        }
    }

    private static Outcome<Saved> Invalid(string field, string message) => Outcome<Saved>.Invalid(new Problems().Add(field, message));
}
