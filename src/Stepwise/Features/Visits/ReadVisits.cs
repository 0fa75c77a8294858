using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

/// <summary>
/// A school's governor visit reports (newest first) and one report, for the people who may read them: visit-report
/// readers at the school see every report, a governor who may write reports sees their own.
/// </summary>
public sealed class ReadVisits(AppDbContext db, AccessControl access, SaveGovernorVisit visits)
{
    public sealed record VisitRow(int Id, DateOnly VisitedOn, string Focus, string Governor);

    public sealed record SchoolVisits([property: JsonIgnore] School School, bool CanWrite, List<VisitRow> Visits)
    {
        public int Urn => School.Urn;
        public string Name => School.Name;
    }

    /// <param name="IsAuthor">The reader wrote it and may still change it.</param>
    /// <param name="CanTurnIntoAction">The reader may record a "you said, we did" from its findings.</param>
    public sealed record VisitView(int Id, int Urn, string School, DateOnly VisitedOn, int? PriorityId, string Focus, string Seen, string? Questions,
        string Findings, string? FollowUps, string Governor, DateTime CreatedAt, DateTime? UpdatedAt, bool IsAuthor, bool CanTurnIntoAction);

    public async Task<Outcome<SchoolVisits>> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<SchoolVisits>.NotFound();
        }
        var canWrite = await access.CanAsync(Permission.WriteVisitReports, school.Id, ct);
        var canRead = await access.CanAsync(Permission.ViewVisitReports, school.Id, ct);
        if (!canRead && !canWrite)
        {
            return Outcome<SchoolVisits>.Forbidden();
        }
        var me = access.PersonId;
        var rows = await db.GovernorVisits.Where(v => v.SchoolId == school.Id && (canRead || v.PersonId == me))
            .OrderByDescending(v => v.VisitedOn)
            .Select(v => new VisitRow(v.Id, v.VisitedOn, v.Focus, db.Users.Where(p => p.Id == v.PersonId).Select(p => p.DisplayName).First()))
            .ToListAsync(ct);
        return Outcome<SchoolVisits>.Ok(new SchoolVisits(school, canWrite, rows));
    }

    /// <summary>One report as read; null when the person may not read it (404).</summary>
    public async Task<VisitView?> OneAsync(int visitId, CancellationToken ct) => (await FindAsync(visitId, ct))?.View;

    /// <summary>One report with its school (the entities, for the page) and as read; null when the person may not read it.</summary>
    public async Task<(GovernorVisit Visit, School School, VisitView View)?> FindAsync(int visitId, CancellationToken ct)
    {
        if (await visits.FindAsync(visitId, ct) is not var (visit, school))
        {
            return null;
        }
        return (visit, school, await ViewAsync(visit, school, ct));
    }

    /// <summary>A report just written, as read.</summary>
    public async Task<VisitView> WrittenAsync(GovernorVisit visit, CancellationToken ct) =>
        await ViewAsync(visit, await db.Schools.FirstAsync(s => s.Id == visit.SchoolId, ct), ct);

    private async Task<VisitView> ViewAsync(GovernorVisit visit, School school, CancellationToken ct)
    {
        var governor = await db.Users.Where(p => p.Id == visit.PersonId).Select(p => p.DisplayName).FirstAsync(ct);
        var isAuthor = visit.PersonId == access.PersonId && await access.CanAsync(Permission.WriteVisitReports, school.Id, ct);
        var canTurnIntoAction = await access.CanAsync(Permission.ManageSurveys, school.Id, ct);
        return new VisitView(visit.Id, school.Urn, school.Name, visit.VisitedOn, visit.PriorityId, visit.Focus, visit.Seen, visit.Questions, visit.Findings,
            visit.FollowUps, governor, visit.CreatedAt, visit.UpdatedAt, isAuthor, canTurnIntoAction);
    }
}
