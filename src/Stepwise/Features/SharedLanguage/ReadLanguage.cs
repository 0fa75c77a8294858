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
}
