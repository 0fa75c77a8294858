using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>
/// The demo trust's self-evaluation: the trust quality pillars added from the library and a judgement of every pillar
/// by the director of education; school improvement has two, a term apart, so its history shows the grade rising.
/// Dates are set relative to today.
/// </summary>
public sealed class DemoTrustEvaluation(AppDbContext db, SaveFramework saveFramework)
{
    public async Task AddAsync(int trustId, DateTime now, CancellationToken ct)
    {
        var installed = await saveFramework.InstallAsync(FrameworkLibrary.TrustQuality, ct);
        if (installed.Kind != OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"The demo could not add the trust quality pillars: {string.Join(" ", installed.Errors.SelectMany(e => e.Value))}");
        }
        var today = DateOnly.FromDateTime(now);
        var version = await db.FrameworkVersions.Include(v => v.Areas)
            .Where(v => v.TrustId == trustId && db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == FrameworkLibrary.TrustQuality))
            .OrderByDescending(v => v.Number).FirstAsync(ct);
        var director = await db.Users.Where(p => p.TrustId == trustId && p.Email!.StartsWith("helen.marsh@"))
            .Select(p => new { p.Id, p.DisplayName }).FirstAsync(ct);
        int Area(string key) => version.Areas.First(a => a.Key == key).Id;

        (string Area, string Grade, int DaysAgo, string Strengths, string ForDevelopment)[] judgements =
        [
            ("high-quality-and-inclusive-education", "secure", 30,
                "Reading is taught consistently well across the primaries; every school has a named lead for pupils with SEND.",
                "Disadvantaged pupils' attendance at Brackenmoor and Kestrelmead lags the trust's other schools."),
            ("school-improvement", "developing", 160,
                "Reviews of every school happen on a calendar and their findings reach the schools' plans.",
                "Support between schools is arranged case by case; no one sees whether it worked."),
            ("school-improvement", "secure", 20,
                "Support between schools is now brokered against needs, and its impact is read from the receiving school's data.",
                "Make sure every school gives as well as receives, and that the calendar's risk bands are reviewed each term."),
            ("workforce", "strong", 45,
                "Coaching pairs in every school; early-career teachers stay beyond their second year.",
                "Leadership development for middle leaders is uneven between the primaries and the secondary."),
            ("finance-and-operations", "secure", 60,
                "Balanced budgets in every school and a shared estates plan.",
                "Central services' costs are not yet set against what schools say they need."),
            ("governance-and-leadership", "strong", 40,
                "The board's committees receive the review calendar and risk ratings each term and challenge them.",
                "Local governing bodies need clearer delegation for support decisions."),
        ];
        foreach (var j in judgements)
        {
            var judgedOn = today.AddDays(-j.DaysAgo);
            db.TrustJudgements.Add(new TrustJudgement
            {
                TrustId = trustId,
                FrameworkAreaId = Area(j.Area),
                Grade = j.Grade,
                Strengths = j.Strengths,
                AreasForDevelopment = j.ForDevelopment,
                JudgedOn = judgedOn,
                PersonId = director.Id,
                By = director.DisplayName,
                RecordedAt = judgedOn.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
