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

    public sealed record Result(int Urn, string SchoolName, int Total, int Page, int PageSize, List<PupilRow> Pupils, int? YearGroup);

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
        var query = db.Pupils.Where(p => p.SchoolId == school.Id && (yearGroup == null || p.YearGroup == yearGroup));
        var total = await query.CountAsync(ct);
        var pupils = await query.OrderBy(p => p.YearGroup).ThenBy(p => p.Key)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Include(p => p.Characteristics).AsNoTracking().ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = pupils.Select(p =>
        {
            string? Current(Characteristic kind) =>
                p.Characteristics.Where(c => c.Kind == kind && c.IsCurrentOn(today)).OrderByDescending(c => c.From).FirstOrDefault()?.Value;
            return new PupilRow(p.Key, p.YearGroup, Current(Characteristic.Disadvantaged) == "yes", Current(Characteristic.FreeSchoolMeals) == "yes",
                Current(Characteristic.Sen) ?? "none", Current(Characteristic.EnglishAdditionalLanguage) == "yes", Current(Characteristic.Sex));
        }).ToList();

        db.AuditRead(school.TrustId, "Pupil", urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Listed {rows.Count} pupils of {school.Name} (page {page}{(yearGroup is null ? "" : $", year {yearGroup}")})");
        await db.SaveChangesAsync(ct);
        return Outcome<Result>.Ok(new Result(urn, school.Name, total, page, PageSize, rows, yearGroup));
    }
}
