using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Coaching;

/// <summary>
/// What leaders see of coaching (ADR 0088): per school, how many teachers are coached and by how many coaches, and —
/// only when the school has at least <see cref="CoachingRules.MinimumPairsForCounts"/> active pairs — how often the
/// pairs check back, how many steps are due soon or overdue and how many were secured this term. Counts only: never a
/// step's, check-back's or note's words, never a figure for one teacher, never a ranking, and no trust total (which
/// would give a small school's hidden counts away by subtraction).
/// </summary>
public sealed class ReadCoachingOverview(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public sealed record HalfTermCount(int HalfTerm, DateOnly StartsOn, DateOnly EndsOn, int CheckBacks);

    /// <summary>Counts over a school's active pairs; null when there are fewer than the minimum.</summary>
    public sealed record Counts(int CheckBacksLastFourWeeks, List<HalfTermCount> CheckBacksByHalfTerm, int StepsDueSoon, int CheckBacksOverdue, int StepsSecuredThisTerm);

    public sealed record SchoolOverview(int Urn, string SchoolName, int ActivePairs, int TeachersCoached, int Coaches, bool CountsShown, Counts? Counts, string? Why);

    public sealed record TrustOverview(string AcademicYear, int MinimumPairs, List<SchoolOverview> Schools);

    /// <summary>One school's overview, for those who may arrange its coaching; null (404) for anyone else.</summary>
    public async Task<SchoolOverview?> SchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null || !await access.CanAsync(Permission.ArrangeCoaching, school.Id, ct))
        {
            return null;
        }
        return (await ForSchoolsAsync([school.Id], ct)).Single();
    }

    /// <summary>Every school where the person may arrange coaching (the whole trust for its leaders); null if none.</summary>
    public async Task<TrustOverview?> TrustAsync(CancellationToken ct)
    {
        var ids = await (await access.SchoolsAsync(Permission.ArrangeCoaching, ct)).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }
        return new TrustOverview(clock.ThisAcademicYear().ToString(), CoachingRules.MinimumPairsForCounts, await ForSchoolsAsync(ids, ct));
    }

    private async Task<List<SchoolOverview>> ForSchoolsAsync(List<int> schoolIds, CancellationToken ct)
    {
        var today = clock.Today();
        var year = AcademicYear.Of(today);
        var termStart = year.TermStart(AcademicYear.TermOf(today));
        var fourWeeksAgo = today.AddDays(-28);
        var schools = await db.Schools.Where(s => schoolIds.Contains(s.Id)).Select(s => new { s.Id, s.Urn, s.Name }).AsNoTracking().ToListAsync(ct);
        var pairs = await db.CoachingPairs.Where(p => schoolIds.Contains(p.SchoolId) && p.StartedOn <= today && (p.EndedOn == null || p.EndedOn > today))
            .Select(p => new { p.Id, p.SchoolId, p.TeacherId, p.CoachId }).AsNoTracking().ToListAsync(ct);
        var pairIds = pairs.Select(p => p.Id).ToList();
        // Only dates and states are read: no title, detail, note or text leaves the database for this view.
        var steps = await db.CoachingSteps.Where(s => pairIds.Contains(s.PairId))
            .Select(s => new { s.PairId, s.Status, s.CheckBackOn, s.ClosedOn }).AsNoTracking().ToListAsync(ct);
        var checkBacks = await db.CoachingCheckBacks.Where(c => pairIds.Contains(c.PairId) && c.HeldOn >= year.StartsOn.AddDays(-28))
            .Select(c => new { c.PairId, c.HeldOn }).AsNoTracking().ToListAsync(ct);
        var schoolOf = pairs.ToDictionary(p => p.Id, p => p.SchoolId);
        var result = new List<SchoolOverview>();
        foreach (var school in schools.OrderBy(s => s.Name, StringComparer.CurrentCulture))
        {
            var own = pairs.Where(p => p.SchoolId == school.Id).ToList();
            Counts? counts = null;
            string? why = null;
            if (own.Count >= CoachingRules.MinimumPairsForCounts)
            {
                var ownSteps = steps.Where(s => schoolOf[s.PairId] == school.Id).ToList();
                var held = checkBacks.Where(c => schoolOf[c.PairId] == school.Id).Select(c => c.HeldOn).ToList();
                var halfTerms = Enumerable.Range(1, AcademicYear.HalfTermOf(today))
                    .Select(h => new HalfTermCount(h, year.HalfTermStart(h), year.HalfTermEnd(h), held.Count(d => d >= year.HalfTermStart(h) && d <= year.HalfTermEnd(h))))
                    .ToList();
                counts = new Counts(
                    held.Count(d => d > fourWeeksAgo && d <= today),
                    halfTerms,
                    ownSteps.Count(s => CoachingRules.Due(s.Status, s.CheckBackOn, today) == StepDue.DueSoon),
                    ownSteps.Count(s => CoachingRules.Due(s.Status, s.CheckBackOn, today) == StepDue.Overdue),
                    ownSteps.Count(s => s.Status == CoachingStepStatus.Secure && s.ClosedOn >= termStart && s.ClosedOn <= today));
            }
            else
            {
                why = HiddenBecause(own.Count);
            }
            result.Add(new SchoolOverview(school.Urn, school.Name, own.Count, own.Select(p => p.TeacherId).Distinct().Count(),
                own.Select(p => p.CoachId).Distinct().Count(), counts is not null, counts, why));
        }
        return result;
    }

    /// <summary>Why a school's counts are not shown.</summary>
    public static string HiddenBecause(int activePairs) =>
        $"Counts show when {CoachingRules.MinimumPairsForCounts} or more pairs are coaching ({activePairs} now).";
}
