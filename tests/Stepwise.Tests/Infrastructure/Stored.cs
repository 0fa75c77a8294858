using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Audit;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// What the database holds, read as the system (every trust, no signed-in user) for assertions about what was stored,
/// by what the tests check: <c>app.Stored.SchoolIdAsync(urn)</c>, <c>app.Stored.CountAsync&lt;Goal&gt;()</c>. A
/// one-off read that is clearer written out uses <see cref="QueryAsync{T}"/>.
/// </summary>
public sealed class Stored(IServiceProvider services)
{
    /// <summary>Any query (or change) on the database as the system, in a scope of its own: for reads no method here names.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>How many of these are stored (matching <paramref name="where"/>), in every trust: "nothing was stored" is a count that did not change.</summary>
    public Task<int> CountAsync<T>(Expression<Func<T, bool>>? where = null) where T : class =>
        QueryAsync(db => Everything<T>(db).CountAsync(where ?? (_ => true)));

    /// <summary>Whether anything of this kind matching <paramref name="where"/> is stored, in any trust.</summary>
    public Task<bool> ExistsAsync<T>(Expression<Func<T, bool>> where) where T : class =>
        QueryAsync(db => Everything<T>(db).AnyAsync(where));

    public Task<int> SchoolIdAsync(int urn) =>
        QueryAsync(db => db.Schools.IgnoreQueryFilters().Where(s => s.Urn == urn).Select(s => s.Id).SingleAsync());

    public Task<string> SchoolNameAsync(int urn) =>
        QueryAsync(db => db.Schools.IgnoreQueryFilters().Where(s => s.Urn == urn).Select(s => s.Name).SingleAsync());

    /// <summary>The plan a priority belongs to.</summary>
    public Task<int> PlanIdOfAsync(int priorityId) =>
        QueryAsync(db => db.Priorities.Where(p => p.Id == priorityId).Select(p => p.PlanId).SingleAsync());

    /// <summary>The audit log's entries that match every condition given.</summary>
    public Task<List<AuditEntry>> AuditEntriesAsync(string? entity = null, string? key = null, string? action = null, string? actor = null, string? summaryContains = null) =>
        QueryAsync(db => Audit(db, entity, key, action, actor, summaryContains).ToListAsync());

    /// <summary>Whether the audit log has an entry matching every condition given.</summary>
    public Task<bool> AuditedAsync(string? entity = null, string? key = null, string? action = null, string? actor = null, string? summaryContains = null) =>
        QueryAsync(db => Audit(db, entity, key, action, actor, summaryContains).AnyAsync());

    /// <summary>A school's figure for one metric, group and period, as its imports derived it.</summary>
    public Task<MetricValue> MetricValueAsync(int schoolId, string metricKey, string group, string period) =>
        QueryAsync(db => db.MetricValues.SingleAsync(v => v.SchoolId == schoolId && v.MetricKey == metricKey && v.Group == group && v.Period == period));

    /// <summary>How many attendance marks (periods) are stored: for one school, or for all.</summary>
    public Task<int> AttendanceMarkCountAsync(int? schoolId = null) =>
        QueryAsync(db => db.PupilAttendanceYears.Where(a => schoolId == null || a.SchoolId == schoolId).SumAsync(a => a.Periods));

    /// <summary>A school's attendance as the app reads it back (marks by pupil and period).</summary>
    public Task<SchoolAttendance> AttendanceAsync(int schoolId) =>
        QueryAsync(db => SchoolAttendance.ReadAsync(db, schoolId, CancellationToken.None));

    /// <summary>A school's imports of one kind (attendance, pupils…), oldest first.</summary>
    public Task<List<DataImport>> ImportsAsync(int schoolId, string kind) =>
        QueryAsync(db => db.DataImports.Where(d => d.SchoolId == schoolId && d.Kind == kind).OrderBy(d => d.Id).ToListAsync());

    /// <summary>A school in the national register (Get Information About Schools).</summary>
    public Task<ReferenceSchool> ReferenceSchoolAsync(int urn) =>
        QueryAsync(db => db.ReferenceSchools.SingleAsync(s => s.Urn == urn));

    /// <summary>A school's national figures for one year, by metric key.</summary>
    public Task<Dictionary<string, ReferenceValue>> ReferenceValuesAsync(int urn, int year) =>
        QueryAsync(db => db.ReferenceValues.Where(v => v.Urn == urn && v.Year == year).ToDictionaryAsync(v => v.MetricKey));

    private static IQueryable<T> Everything<T>(AppDbContext db) where T : class => db.Set<T>().IgnoreQueryFilters();

    private static IQueryable<AuditEntry> Audit(AppDbContext db, string? entity, string? key, string? action, string? actor, string? summaryContains) =>
        db.AuditEntries.Where(a => (entity == null || a.Entity == entity) && (key == null || a.EntityKey == key) && (action == null || a.Action == action)
            && (actor == null || a.Actor == actor) && (summaryContains == null || a.Summary.Contains(summaryContains)));
}
