using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// The one read of an improvement model, the trust's (no URN) or a school's: the version asked for (the current one
/// by default), every version for the history, whether its review is due, the trust's current glossary shown beside
/// it, and whether the acting person may review it. Whoever may see the school reads its model; every member of the
/// trust reads the trust's.
/// </summary>
public sealed class ReadImprovementModel(AppDbContext db, AccessControl access, ReadLanguage language, TimeProvider clock)
{
    public sealed record VersionRow(int Number, DateTime WrittenAt, string WrittenBy, DateOnly ReviewOn, string? ReviewNote);

    public sealed record Term(string Key, string Name, string? Description);

    public sealed record View(
        int? SchoolUrn, string Whose, ImprovementModel? Model, bool IsCurrent, DateOnly? ReviewDue, bool Overdue,
        IReadOnlyList<VersionRow> Versions, IReadOnlyList<Term> Glossary, int? LanguageVersion, bool CanReview)
    {
        public string Path => SchoolUrn is int urn ? $"/schools/{urn}/improvement-model" : "/improvement-model";
    }

    /// <summary>The model; null (404) for a school the person may not see, or a version that does not exist.</summary>
    public async Task<View?> HandleAsync(int? urn, int? number, CancellationToken ct)
    {
        if (!access.IsSignedIn)
        {
            return null;
        }
        School? school = null;
        if (urn is int u && (school = await access.FindSchoolAsync(u, ct)) is null)
        {
            return null;
        }
        var schoolId = school?.Id;
        var rows = await db.ImprovementModels.AsNoTracking().Where(m => m.SchoolId == schoolId)
            .OrderByDescending(m => m.Number).ToListAsync(ct);
        var current = rows.FirstOrDefault();
        var shown = number is int n ? rows.FirstOrDefault(m => m.Number == n) : current;
        if (number is not null && shown is null)
        {
            return null;
        }
        var words = await language.CurrentAsync(ct);
        var canReview = school is null
            ? await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct)
            : await access.CanAsync(Permission.EditPlans, school.Id, ct);
        var whose = school?.Name ?? await db.Trusts.Select(t => t.Name).FirstAsync(ct);
        return new View(school?.Urn, whose, shown, shown is not null && shown.Number == current?.Number, current?.ReviewOn,
            current is not null && current.ReviewOn < clock.Today(),
            rows.Select(m => new VersionRow(m.Number, m.WrittenAt, m.WrittenBy, m.ReviewOn, m.ReviewNote)).ToList(),
            words?.Terms.Select(t => new Term(t.Key, t.Name, t.Description)).ToList() ?? [], words?.Version.Number, canReview);
    }
}
