using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Surveys;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>The trust's minimum group size for survey figures: 5 unless changed, never below 3, and not changed while a survey is open.</summary>
public sealed class SurveyMinimum(AppDbContext db, SurveyAccess surveys, TrustScope scope)
{
    public const int Default = 5;
    public const int Highest = 50;

    public sealed record MinimumView(int MinimumRespondents);

    public sealed class MinimumInput
    {
        public int? MinimumRespondents { get; set; }
    }

    /// <summary>The minimum, for people who manage surveys across the trust; null when they do not (403).</summary>
    public async Task<MinimumView?> ReadAsync(CancellationToken ct) =>
        await surveys.CanManageAsync(null, ct) ? new MinimumView(await ForTrustAsync(db, ct)) : null;

    public async Task<Outcome<MinimumView>> SaveAsync(MinimumInput input, CancellationToken ct)
    {
        if (!await surveys.CanManageAsync(null, ct) || scope.TrustId is not int trustId)
        {
            return Outcome<MinimumView>.Forbidden();
        }
        if (input.MinimumRespondents is not int minimum || minimum < SuppressionPolicy.AbsoluteMinimum || minimum > Highest)
        {
            return Outcome<MinimumView>.Invalid(new Problems().Add("minimumRespondents",
                $"Enter a whole number from {SuppressionPolicy.AbsoluteMinimum} to {Highest}: below {SuppressionPolicy.AbsoluteMinimum}, answers could be traced to a person."));
        }
        // While a survey is open its figures move in whole batches of the minimum (ResponseBatches): a different size
        // midway would give readings a few responses apart, and the difference would single out those answers.
        var open = await db.Surveys.Where(s => s.Status == SurveyStatus.Open).OrderBy(s => s.Title).Select(s => s.Title).ToListAsync(ct);
        if (open.Count > 0 && minimum != await ForTrustAsync(db, ct))
        {
            return Outcome<MinimumView>.Invalid(new Problems().Add("minimumRespondents",
                $"Close the open survey{(open.Count == 1 ? "" : "s")} first ({string.Join(", ", open.Take(3))}{(open.Count > 3 ? $" and {open.Count - 3} more" : "")}): while a survey is open its figures move in steps of this size, and changing it midway could single out someone's answers."));
        }
        var settings = await db.SurveySettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            db.SurveySettings.Add(new SurveySettings { TrustId = trustId, MinimumRespondents = minimum });
        }
        else
        {
            settings.MinimumRespondents = minimum;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<MinimumView>.Ok(new MinimumView(minimum));
    }

    /// <summary>The acting trust's minimum (the query filter picks the trust).</summary>
    public static async Task<int> ForTrustAsync(AppDbContext db, CancellationToken ct) =>
        await db.SurveySettings.Select(s => (int?)s.MinimumRespondents).FirstOrDefaultAsync(ct) ?? Default;
}
