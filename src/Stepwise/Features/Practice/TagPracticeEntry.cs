using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Practice;

/// <summary>The strands an entry should carry, replacing those it has: slugs (or the Toolkit's names).</summary>
public sealed record TagsInput
{
    public List<string>? Strands { get; init; }
}

/// <summary>The one check of strands given by a person: each a strand of the Toolkit, by slug or name; repeats ignored.</summary>
public static class PracticeTags
{
    public static List<EefToolkit.Strand> Check(IEnumerable<string>? given, Problems problems)
    {
        var strands = new List<EefToolkit.Strand>();
        foreach (var text in (given ?? []).Select(Text.Clean).OfType<string>())
        {
            if (EefToolkit.FindBySlug(text) is { } strand)
            {
                strands.Add(strand);
            }
            else
            {
                problems.Add("strands", $"\"{text}\" is not a strand of the EEF Teaching and Learning Toolkit (GET /api/practice/strands lists them).");
            }
        }
        return strands.DistinctBy(s => s.Slug).ToList();
    }
}

/// <summary>
/// Tags a practice-library entry with EEF Toolkit strands: trust leaders any entry, school leaders the entries of their
/// own school (the school to ask). The strands given replace the entry's; none clears them.
/// </summary>
public sealed class TagPracticeEntry(AppDbContext db, AccessControl access, ReadPracticeLibrary library)
{
    public async Task<Outcome<PracticeEntry>> HandleAsync(string kind, int id, TagsInput input, CancellationToken ct)
    {
        if (!await access.CanAnywhereAsync(Permission.ViewPracticeLibrary, ct) || await library.FindAsync(kind, id, ct) is not { } entry)
        {
            return Outcome<PracticeEntry>.NotFound();
        }
        if (!await MayTagAsync(entry, ct))
        {
            return Outcome<PracticeEntry>.Forbidden();
        }
        var problems = new Problems();
        var strands = PracticeTags.Check(input.Strands, problems);
        if (problems.Any)
        {
            return Outcome<PracticeEntry>.Invalid(problems);
        }
        Codes.TryParse<PracticeSource>(kind, out var source);
        var existing = await db.PracticeTags.Where(t => t.Source == source && t.SourceId == id).ToListAsync(ct);
        db.PracticeTags.RemoveRange(existing.Where(t => strands.All(s => s.Slug != t.Strand)));
        db.PracticeTags.AddRange(strands.Where(s => existing.All(t => t.Strand != s.Slug))
            .Select(s => new PracticeTag { Source = source, SourceId = id, Strand = s.Slug }));
        await db.SaveChangesAsync(ct);
        return Outcome<PracticeEntry>.Ok((await library.FindAsync(kind, id, ct))!);
    }

    /// <summary>Whether the acting person may tag this entry: ShareResources across the trust, or at the entry's school.</summary>
    public async Task<bool> MayTagAsync(PracticeEntry entry, CancellationToken ct)
    {
        if (await access.CanAcrossTrustAsync(Permission.ShareResources, ct))
        {
            return true;
        }
        var schoolId = entry.SchoolUrn is int urn ? await db.Schools.Where(s => s.Urn == urn).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) : null;
        return schoolId is int sid && await access.CanAsync(Permission.ShareResources, sid, ct);
    }
}
