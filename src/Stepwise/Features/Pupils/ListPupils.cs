using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Pupils;

/// <summary>
/// A school's pupils with their current characteristics: pupil-level data, so governors and reviewers never
/// receive it, and every read is written to the audit log.
/// </summary>
public sealed class ListPupils(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public sealed record PupilRow(string Key, int YearGroup, bool Disadvantaged, bool FreeSchoolMeals, string Sen, bool Eal, string? Sex);

    public sealed record Result(int Urn, string SchoolName, int Total, int Page, int PageSize, List<PupilRow> Pupils, int? YearGroup, bool CanEdit);

    public const int PageSize = 50;

    public async Task<Outcome<Result>> HandleAsync(int urn, int? yearGroup, int page, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<Result>.NotFound();
        }
        if (!await access.CanAsync(Permission.ViewPupils, school.Id, ct))
        {
            return Outcome<Result>.Forbidden();
        }
        page = Math.Max(page, 1);
        var query = db.Pupils.Where(p => p.SchoolId == school.Id && p.LeftOn == null && (yearGroup == null || p.YearGroup == yearGroup));
        var total = await query.CountAsync(ct);
        var pupils = await query.OrderBy(p => p.YearGroup).ThenBy(p => p.Key)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Include(p => p.Characteristics).AsNoTracking().ToListAsync(ct);

        var today = clock.Today();
        var rows = pupils.Select(p => new PupilRow(
            p.Key, p.YearGroup, p.ValueOn(Characteristic.Disadvantaged, today) == "yes", p.ValueOn(Characteristic.FreeSchoolMeals, today) == "yes",
            p.ValueOn(Characteristic.Sen, today) ?? "none", p.ValueOn(Characteristic.EnglishAdditionalLanguage, today) == "yes", p.ValueOn(Characteristic.Sex, today)))
            .ToList();

        db.AuditRead(school.TrustId, "Pupil", urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Listed {rows.Count} pupils of {school.Name} (page {page}{(yearGroup is null ? "" : $", year {yearGroup}")})");
        await db.SaveChangesAsync(ct);
        var canEdit = await access.CanAsync(Permission.EditPupils, school.Id, ct);
        return Outcome<Result>.Ok(new Result(urn, school.Name, total, page, PageSize, rows, yearGroup, canEdit));
    }
}
