using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Audit;

/// <summary>The trust's audit log, newest first, for trust administrators.</summary>
public sealed class ReadAuditLog(AppDbContext db, AccessControl access)
{
    public sealed record Row(long Id, DateTime At, string Actor, string Action, string Entity, string EntityKey, string Summary);

    public sealed record Result(List<Row> Entries, int Page, bool HasMore, string? Entity);

    public const int PageSize = 50;

    public async Task<Outcome<Result>> HandleAsync(string? entity, int page, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ViewAudit, ct))
        {
            return Outcome<Result>.Forbidden();
        }
        page = Math.Max(page, 1);
        var entries = await db.AuditEntries
            .Where(a => entity == null || a.Entity == entity)
            .OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new Row(a.Id, a.At, a.Actor, a.Action, a.Entity, a.EntityKey, a.Summary))
            .AsNoTracking().ToListAsync(ct);
        return Outcome<Result>.Ok(new Result(entries.Take(PageSize).ToList(), page, entries.Count > PageSize, entity));
    }
}
