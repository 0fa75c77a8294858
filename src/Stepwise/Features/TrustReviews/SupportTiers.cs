using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Risk;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.TrustReviews;

/// <summary>
/// A school's support tier: the latest decision and every earlier one, and — for those who may see ratings — the
/// rating now, the tier its band suggests, and a note when the people's decision differs from it.
/// </summary>
public sealed record SupportTierView(int Urn, string SchoolName, TierView? Current, List<TierView> History,
    double? Score, string? Band, string? SuggestedTier, string? SuggestedTierName, bool? Differs, string? Note, bool CanDecide, List<TierChoice> Tiers);

/// <summary>A tier as the trust names it, with the RISE category it maps to.</summary>
public sealed record TierChoice(string Code, string Name, string Rise);

/// <summary>What a trust leader sends to decide a school's tier.</summary>
public sealed record TierInput
{
    /// <summary>universal, targeted or intensive (or the trust's name for it).</summary>
    public string? Tier { get; init; }

    public string? Reason { get; init; }

    /// <summary>Default: today.</summary>
    public DateOnly? DecidedOn { get; init; }
}

/// <summary>Reads a school's tier with its history, and records a new decision (ReviewSchools) beside the rating as it stands.</summary>
public sealed class SupportTiers(AppDbContext db, AccessControl access, ReadRisk risk, ReviewPolicies policies, ReadReviewCalendar calendar, TimeProvider clock)
{
    public static string Rise(SupportTier tier) => tier switch
    {
        SupportTier.Intensive => "RISE: intervention",
        SupportTier.Targeted => "RISE: targeted support",
        _ => "RISE: minimal issues",
    };

    public async Task<SupportTierView?> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null || !await access.CanAsync(Permission.ViewReviews, school.Id, ct))
        {
            return null;
        }
        var policy = await policies.GetAsync(ct);
        var history = (await calendar.TiersAsync([school.Id], policy, ct)).GetValueOrDefault(school.Id) ?? [];
        var rating = await risk.ForSchoolAsync(urn, ct);
        var tiers = Enum.GetValues<SupportTier>().Select(t => new TierChoice(Codes.Of(t), policy.TierName(t), Rise(t))).ToList();
        var canDecide = await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct);
        if (rating is null)
        {
            // No rating for this reader: the decisions without the scores and bands they were made beside.
            history = history.Select(h => h with { RiskScore = null, RiskBand = null }).ToList();
            return new SupportTierView(urn, school.Name, history.FirstOrDefault(), history, null, null, null, null, null, null, canDecide, tiers);
        }
        var suggested = (SupportTier)RiskRating.SuggestedTier(rating.BandValue);
        var current = history.FirstOrDefault();
        bool? differs = current is null ? null : current.Tier != suggested;
        var note = differs == true
            ? $"The decided tier, {current!.TierName}, differs from the tier the rating suggests: {rating.BandName.ToLowerInvariant()} risk (score {rating.Score:0.##}) suggests {policy.TierName(suggested)}. The reason given: {current.Reason}"
            : null;
        return new SupportTierView(urn, school.Name, current, history, rating.Score, rating.Band, Codes.Of(suggested), policy.TierName(suggested), differs, note, canDecide, tiers);
    }

    public async Task<Outcome<SupportTierView>> DecideAsync(int urn, TierInput input, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null || !await access.CanAsync(Permission.ViewReviews, school.Id, ct))
        {
            return Outcome<SupportTierView>.NotFound();
        }
        if (!await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct))
        {
            return Outcome<SupportTierView>.Forbidden();
        }
        var policy = await policies.GetAsync(ct);
        var problems = new Problems().Require("reason", input.Reason, "reason for the decision", 2000);
        var text = Text.Clean(input.Tier);
        SupportTier tier = default;
        var known = text is not null && (Codes.TryParse(text, out tier)
            || Enum.GetValues<SupportTier>().Any(t => string.Equals(policy.TierName(t), text, StringComparison.OrdinalIgnoreCase) && (tier = t) == t));
        if (!known)
        {
            problems.Add("tier", text is null ? "Choose the tier." : $"The tier must be one of universal, targeted or intensive ({policy.UniversalName}, {policy.TargetedName}, {policy.IntensiveName}), not \"{text}\".");
        }
        var today = clock.Today();
        if (input.DecidedOn is DateOnly on && on > today)
        {
            problems.Add("decidedOn", $"A decision cannot be dated after today ({Shared.Display.Date(today)}).");
        }
        if (problems.Any)
        {
            return Outcome<SupportTierView>.Invalid(problems);
        }
        var rating = await risk.ForSchoolAsync(urn, ct);
        db.SupportTierDecisions.Add(new SupportTierDecision
        {
            SchoolId = school.Id, Tier = tier, DecidedOn = input.DecidedOn ?? today, Reason = input.Reason!.Trim(), RiskScore = rating?.Score, RiskBand = rating?.BandValue,
            PersonId = access.PersonId, DecidedBy = await ActingPerson.NameAsync(db, ct), RecordedAt = clock.UtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<SupportTierView>.Ok((await ForSchoolAsync(urn, ct))!);
    }
}
