using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// The check every change to an enquiry starts with: the enquiry exists and may be seen (else 404), the person may
/// change its team's work (<see cref="TeamAccess.Edit"/>, else 403), and it is still open (else a message).
/// </summary>
public static class EnquiryWrites
{
    public static async Task<Outcome<Enquiry>> EditableAsync(AppDbContext db, EnquiryAccess access, int enquiryId, CancellationToken ct, bool mayBeClosed = false)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (_, team))
        {
            return Outcome<Enquiry>.NotFound();
        }
        if (!team.Edit)
        {
            return Outcome<Enquiry>.Forbidden();
        }
        var enquiry = await db.Enquiries.FirstAsync(e => e.Id == enquiryId, ct);
        if (enquiry.ClosedAt is not null && !mayBeClosed)
        {
            return Outcome<Enquiry>.Invalid(new Problems().Add("", "This enquiry is closed: reopen it (Edit the enquiry) before changing it."));
        }
        return Outcome<Enquiry>.Ok(enquiry);
    }

    /// <summary>Any outcome but Ok passed on as another type's (not found, forbidden, or the same messages).</summary>
    public static Outcome<T> Pass<T, TFrom>(this Outcome<TFrom> outcome) => outcome.Kind switch
    {
        OutcomeKind.Forbidden => Outcome<T>.Forbidden(),
        OutcomeKind.Invalid => Outcome<T>.Invalid(outcome.Errors.Aggregate(new Problems(), (p, kv) => kv.Value.Aggregate(p, (q, m) => q.Add(kv.Key, m)))),
        OutcomeKind.NotFound => Outcome<T>.NotFound(),
        _ => throw new InvalidOperationException("Only a failed outcome is passed on."),
    };
}
