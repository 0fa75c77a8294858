using Stepwise.Features.Plans;

namespace Stepwise.Features.TrustReviews;

/// <summary>The review calendar and the risk ratings as CSV, written with the plans' safe CSV writer.</summary>
public static class ReviewsCsv
{
    public static byte[] Calendar(IEnumerable<CalendarRow> rows)
    {
        var csv = new PlanCsv().Row("School", "URN", "Next review", "Why", "Overdue", "Risk band", "Months between reviews", "Support tier", "Last review", "Last review's findings");
        foreach (var r in rows)
        {
            csv.Row(r.SchoolName, r.Urn, r.NextOn, r.NextBecause, r.Overdue, r.Band, r.EveryMonths, r.Tier?.TierName, r.LastReviewOn,
                string.Join("; ", r.LastFindings.Select(f => $"{f.AreaName}: {f.GradeName}")));
        }
        return csv.ToBytes();
    }

    public static byte[] Ratings(IEnumerable<RiskView> ratings)
    {
        var csv = new PlanCsv().Row("School", "URN", "Component", "Count", "Weight", "Points", "What counted", "Score", "Band");
        foreach (var r in ratings)
        {
            foreach (var line in r.Components)
            {
                csv.Row(r.SchoolName, r.Urn, line.Name, line.Count, line.Weight, line.Points, string.Join("; ", line.Because.Select(b => b.Because)), null, null);
            }
            csv.Row(r.SchoolName, r.Urn, "Score", null, null, r.Score, null, r.Score, r.BandName);
        }
        return csv.ToBytes();
    }
}
