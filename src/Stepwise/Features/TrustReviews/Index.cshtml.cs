using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.TrustReviews;

/// <summary>The review calendar: each school's tier, last review with its findings, and next review (overdue from the clock).</summary>
public sealed class IndexModel(ReadReviewCalendar calendar, ReviewPolicies policies, AccessControl access, TimeProvider clock) : PageModel
{
    public List<CalendarRow> Rows { get; private set; } = [];
    public PolicyView Policy { get; private set; } = null!;
    public bool CanReview { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = (await calendar.ListAsync(ct)).OrderBy(r => r.NextOn ?? DateOnly.MinValue).ThenBy(r => r.SchoolName).ToList();
        Policy = await policies.GetAsync(ct);
        CanReview = await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct);
        Today = clock.Today();
    }
}
