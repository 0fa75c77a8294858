using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Rounds;

/// <summary>What the acting person may do with a round.</summary>
/// <param name="Notes">Read the notes (staff of its schools); without it, the summary only (governors, reviewers).</param>
/// <param name="Lead">Plan, change and debrief it (<see cref="Permission.LeadRounds"/> at one of its schools).</param>
/// <param name="ObserverGroupId">The reader observes in the round: their group (null when they are in none).</param>
/// <param name="Observer">The reader is one of its observers.</param>
public sealed record RoundRights(int RoundId, IReadOnlyList<int> SchoolIds, bool Notes, bool Lead, bool Observer, int? ObserverGroupId)
{
    /// <summary>Observers (and leaders) write notes while the round is planned or observing.</summary>
    public bool WriteNotes(RoundStage stage) => (Observer || Lead) && stage is RoundStage.Planned or RoundStage.Observing;
}

/// <summary>
/// The one rule for instructional rounds: a round is seen by whoever may see one of its schools; staff of its schools
/// (teachers, leaders) read its notes, while governors and reviewers read only its summary (problem of practice,
/// look-fors, patterns with their counts, prediction, next level of work); those who may lead rounds at one of its
/// schools plan, change and debrief it; its observers write notes while it is planned or observing. Not visible: null
/// (404); visible but not allowed: the use case answers 403.
/// </summary>
public sealed class RoundAccess(AppDbContext db, AccessControl access)
{
    /// <summary>The round's rights for the acting person; null when it does not exist or they may not see it.</summary>
    public async Task<RoundRights?> ForRoundAsync(int roundId, CancellationToken ct)
    {
        var schools = await db.RoundSchools.AsNoTracking().Where(s => s.RoundId == roundId).Select(s => s.SchoolId).ToListAsync(ct);
        if (schools.Count == 0)
        {
            return null;
        }
        bool visible = access.IsSystem, notes = access.IsSystem, lead = access.IsSystem;
        foreach (var school in schools)
        {
            visible |= await access.CanAsync(Permission.ViewSchool, school, ct);
            notes |= await access.CanAsync(Permission.ViewPupils, school, ct);
            lead |= await access.CanAsync(Permission.LeadRounds, school, ct);
        }
        var me = access.PersonId ?? -1;
        var observer = await db.RoundObservers.AsNoTracking().Where(o => o.RoundId == roundId && o.PersonId == me)
            .Select(o => new { o.GroupId }).FirstOrDefaultAsync(ct);
        if (!visible && observer is null)
        {
            return null;
        }
        return new RoundRights(roundId, schools, notes || observer is not null, lead, observer is not null, observer?.GroupId);
    }

    /// <summary>The rounds the acting person may see: those at a school they may see, and those they observe in.</summary>
    public async Task<IQueryable<Round>> VisibleRoundsAsync(CancellationToken ct)
    {
        var schools = await access.SchoolIdsAsync(Permission.ViewSchool, ct);
        if (schools is null)
        {
            return db.Rounds;
        }
        var me = access.PersonId ?? -1;
        return db.Rounds.Where(r => db.RoundSchools.Any(s => s.RoundId == r.Id && schools.Contains(s.SchoolId))
            || db.RoundObservers.Any(o => o.RoundId == r.Id && o.PersonId == me));
    }

    /// <summary>Whether the acting person may plan a round at this school.</summary>
    public Task<bool> CanLeadAsync(int schoolId, CancellationToken ct) => access.CanAsync(Permission.LeadRounds, schoolId, ct);
}
