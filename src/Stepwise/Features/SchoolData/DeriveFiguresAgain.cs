using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Works out every school's pupil-group figures again from its stored pupil records, once, after the migration that
/// brought complementary suppression and the DfE's cohort (ADR 0073): figures stored before it could give a small group
/// away by subtraction, and would otherwise stay until the school's next import.
/// </summary>
public sealed class DeriveFiguresAgain : IDataUpgrade
{
    public string AfterMigration => "PupilGroupFiguresDerivedAgain";

    public string Description => "Pupil-group figures worked out again under the small-group rule (ADR 0073)";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        List<(int Id, int TrustId)> schools;
        await using (var listing = scopes.CreateAsyncScope())
        {
            listing.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("upgrade");
            var db = listing.ServiceProvider.GetRequiredService<AppDbContext>();
            var withPupils = db.Pupils.Select(p => p.SchoolId).Distinct();
            schools = (await db.Schools.AsNoTracking().Where(s => withPupils.Contains(s.Id)).Select(s => new { s.Id, s.TrustId }).ToListAsync(ct))
                .Select(s => (s.Id, s.TrustId)).ToList();
        }
        foreach (var (id, trustId) in schools)
        {
            // One scope and one transaction per school: the change tracker stays small, and each school is saved whole.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "upgrade");
            await scope.ServiceProvider.GetRequiredService<DeriveSchoolMetrics>().ForSchoolAsync(id, null, ct);
        }
    }
}
