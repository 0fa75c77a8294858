using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// The one read of the trust's shared language: the current (highest published) version, or a version by id, with
/// its items in order. Every signed-in member of the trust may read it; rounds take their look-fors and coaching its
/// step library from here.
/// </summary>
public sealed class ReadLanguage(AppDbContext db, AccessControl access)
{
    public sealed record LanguageView(LanguageVersion Version, IReadOnlyList<LanguageItem> Items)
    {
        public IEnumerable<LanguageItem> Terms => Items.Where(i => i.Kind == LanguageItemKind.Term);
        public IEnumerable<LanguageItem> LookFors => Items.Where(i => i.Kind == LanguageItemKind.LookFor);
        public IEnumerable<LanguageItem> Steps => Items.Where(i => i.Kind == LanguageItemKind.Step);
    }

    /// <summary>The trust's current language; null if none is published yet or the person is not signed in.</summary>
    public async Task<LanguageView?> CurrentAsync(CancellationToken ct = default)
    {
        if (!access.IsSignedIn)
        {
            return null;
        }
        var id = await db.LanguageVersions.Where(v => v.PublishedAt != null)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        return id is int versionId ? await VersionAsync(versionId, ct) : null;
    }

    /// <summary>A version of the trust's language, draft or published; null if there is none with that id.</summary>
    public async Task<LanguageView?> VersionAsync(int versionId, CancellationToken ct = default)
    {
        if (!access.IsSignedIn)
        {
            return null;
        }
        var version = await db.LanguageVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return null;
        }
        var items = await db.LanguageItems.AsNoTracking().Where(i => i.LanguageVersionId == versionId)
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        return new LanguageView(version, items);
    }

    /// <summary>A version as the versions list shows it: its counts, whether it is current or a draft, and what uses it.</summary>
    public sealed record VersionSummary(int Id, int Number, string? Notes, DateTime CreatedAt, string? CreatedBy, DateTime? PublishedAt,
        bool IsCurrent, int Terms, int LookFors, int Steps, int RoundsUsing, int CoachingStepsUsing)
    {
        public bool IsDraft => PublishedAt is null;
        public bool Used => RoundsUsing > 0 || CoachingStepsUsing > 0;
    }

    /// <summary>Every version of the trust's language, newest first; empty if none or not signed in.</summary>
    public async Task<List<VersionSummary>> VersionsAsync(CancellationToken ct = default)
    {
        if (!access.IsSignedIn)
        {
            return [];
        }
        var versions = await db.LanguageVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
        var counts = await db.LanguageItems.GroupBy(i => new { i.LanguageVersionId, i.Kind })
            .Select(g => new { g.Key.LanguageVersionId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        // A round uses the version it was planned on, the look-fors it chose and the look-fors its notes are tagged with.
        var roundUses = (await db.Rounds.Select(r => new { VersionId = r.LanguageVersionId, RoundId = r.Id }).ToListAsync(ct))
            .Concat(await db.LanguageItems.Join(db.RoundLookFors, i => i.Id, l => l.LanguageItemId, (i, l) => new { VersionId = i.LanguageVersionId, l.RoundId }).ToListAsync(ct));
        var tagged = await db.LanguageItems.Where(i => db.RoundNoteTags.Any(t => t.LanguageItemId == i.Id))
            .Select(i => i.LanguageVersionId).Distinct().ToListAsync(ct);
        var rounds = roundUses.Distinct().GroupBy(u => u.VersionId).ToDictionary(g => g.Key, g => g.Count());
        var steps = await db.LanguageItems
            .Join(db.CoachingSteps, i => i.Id, s => s.LanguageItemId, (i, s) => i.LanguageVersionId)
            .GroupBy(v => v).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var current = versions.Where(v => v.PublishedAt != null).Select(v => (int?)v.Id).FirstOrDefault();
        int Count(int id, LanguageItemKind kind) => counts.FirstOrDefault(c => c.LanguageVersionId == id && c.Kind == kind)?.Count ?? 0;
        return versions.Select(v => new VersionSummary(v.Id, v.Number, v.Notes, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Id == current,
                Count(v.Id, LanguageItemKind.Term), Count(v.Id, LanguageItemKind.LookFor), Count(v.Id, LanguageItemKind.Step),
                // A note tagged with a look-for belongs to a round that chose it; counted once either way.
                rounds.GetValueOrDefault(v.Id) + (rounds.ContainsKey(v.Id) || !tagged.Contains(v.Id) ? 0 : 1),
                steps.GetValueOrDefault(v.Id)))
            .ToList();
    }

    /// <summary>One item of any version of the trust's language; null if there is none with that id.</summary>
    public async Task<LanguageItem?> ItemAsync(int itemId, CancellationToken ct = default) =>
        access.IsSignedIn ? await db.LanguageItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) : null;
}
