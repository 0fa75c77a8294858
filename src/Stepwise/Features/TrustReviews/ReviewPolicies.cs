using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Risk;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.TrustReviews;

/// <summary>One component's weight as the trust has it: its default beside the weight in use.</summary>
public sealed record WeightView(string Component, string Name, string Counts, double DefaultWeight, double Weight, bool Chosen, bool Lowers);

/// <summary>The trust's review policy as it applies (its own choices, else the defaults), with every component's weight.</summary>
public sealed record PolicyView(
    double MediumRiskFrom, double HighRiskFrom, int HighRiskEveryMonths, int MediumRiskEveryMonths, int LowRiskEveryMonths,
    string UniversalName, string TargetedName, string IntensiveName, bool IsDefault, List<WeightView> Weights)
{
    public int EveryMonths(RiskBand band) => band switch { RiskBand.High => HighRiskEveryMonths, RiskBand.Medium => MediumRiskEveryMonths, _ => LowRiskEveryMonths };

    public string TierName(SupportTier tier) => tier switch { SupportTier.Intensive => IntensiveName, SupportTier.Targeted => TargetedName, _ => UniversalName };

    public IReadOnlyDictionary<string, double> WeightsByKey => Weights.Where(w => w.Chosen).ToDictionary(w => w.Component, w => w.Weight);

    /// <summary>"every 4 months (termly)" and the like.</summary>
    public static string Every(int months) => months switch
    {
        4 => "every 4 months (termly)",
        12 => "every 12 months (yearly)",
        1 => "every month",
        _ => $"every {months} months",
    };
}

/// <summary>What a trust leader sends to change the policy: thresholds, months per band, tier names, and weights by component key.</summary>
public sealed record PolicyInput
{
    public double? MediumRiskFrom { get; init; }
    public double? HighRiskFrom { get; init; }
    public int? HighRiskEveryMonths { get; init; }
    public int? MediumRiskEveryMonths { get; init; }
    public int? LowRiskEveryMonths { get; init; }
    public string? UniversalName { get; init; }
    public string? TargetedName { get; init; }
    public string? IntensiveName { get; init; }

    /// <summary>Component key → weight; a component left out keeps the weight it has.</summary>
    public Dictionary<string, double>? Weights { get; init; }
}

/// <summary>Reads and changes the trust's review policy and risk weights (ReviewSchools to change). Nothing is stored if anything is wrong.</summary>
public sealed class ReviewPolicies(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<PolicyView> GetAsync(CancellationToken ct)
    {
        var policy = await db.ReviewPolicies.AsNoTracking().FirstOrDefaultAsync(ct);
        var chosen = await db.RiskWeights.AsNoTracking().ToDictionaryAsync(w => w.Component, w => w.Weight, ct);
        var p = policy ?? new ReviewPolicy();
        return new PolicyView(p.MediumRiskFrom, p.HighRiskFrom, p.HighRiskEveryMonths, p.MediumRiskEveryMonths, p.LowRiskEveryMonths,
            p.UniversalName, p.TargetedName, p.IntensiveName, policy is null,
            RiskRating.Components.Select(c => new WeightView(c.Key, c.Name, c.Counts, c.DefaultWeight,
                chosen.TryGetValue(c.Key, out var w) ? w : c.DefaultWeight, chosen.ContainsKey(c.Key), c.Lowers)).ToList());
    }

    public async Task<Outcome<PolicyView>> SaveAsync(PolicyInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct))
        {
            return Outcome<PolicyView>.Forbidden();
        }
        var current = await GetAsync(ct);
        var problems = new Problems();
        var medium = input.MediumRiskFrom ?? current.MediumRiskFrom;
        var high = input.HighRiskFrom ?? current.HighRiskFrom;
        if (double.IsNaN(medium) || medium is < -100 or > 100)
        {
            problems.Add("mediumRiskFrom", "The medium-risk threshold must be a number between -100 and 100.");
        }
        if (double.IsNaN(high) || high is < -100 or > 100)
        {
            problems.Add("highRiskFrom", "The high-risk threshold must be a number between -100 and 100.");
        }
        else if (high < medium)
        {
            problems.Add("highRiskFrom", $"High risk must start at or above where medium risk starts ({medium:0.##}).");
        }
        void Months(string field, int? value, string band)
        {
            if (value is < 1 or > 36)
            {
                problems.Add(field, $"Months between reviews of {band}-risk schools must be from 1 to 36.");
            }
        }
        Months("highRiskEveryMonths", input.HighRiskEveryMonths, "high");
        Months("mediumRiskEveryMonths", input.MediumRiskEveryMonths, "medium");
        Months("lowRiskEveryMonths", input.LowRiskEveryMonths, "low");
        problems.Optional("universalName", input.UniversalName, "name of the universal tier", 60)
            .Optional("targetedName", input.TargetedName, "name of the targeted tier", 60)
            .Optional("intensiveName", input.IntensiveName, "name of the intensive tier", 60);
        foreach (var (key, weight) in input.Weights ?? [])
        {
            if (RiskRating.Find(key) is null)
            {
                problems.Add("weights", $"\"{key}\" is not a risk component: use one of {string.Join(", ", RiskRating.Components.Select(c => c.Key))}.");
            }
            else if (double.IsNaN(weight) || weight is < -10 or > 10)
            {
                problems.Add("weights", $"The weight of {key} must be between -10 and 10.");
            }
        }
        if (problems.Any)
        {
            return Outcome<PolicyView>.Invalid(problems);
        }
        var policy = await db.ReviewPolicies.FirstOrDefaultAsync(ct);
        if (policy is null)
        {
            db.ReviewPolicies.Add(policy = new ReviewPolicy());
        }
        policy.MediumRiskFrom = medium;
        policy.HighRiskFrom = high;
        policy.HighRiskEveryMonths = input.HighRiskEveryMonths ?? current.HighRiskEveryMonths;
        policy.MediumRiskEveryMonths = input.MediumRiskEveryMonths ?? current.MediumRiskEveryMonths;
        policy.LowRiskEveryMonths = input.LowRiskEveryMonths ?? current.LowRiskEveryMonths;
        policy.UniversalName = Text.Clean(input.UniversalName) ?? current.UniversalName;
        policy.TargetedName = Text.Clean(input.TargetedName) ?? current.TargetedName;
        policy.IntensiveName = Text.Clean(input.IntensiveName) ?? current.IntensiveName;
        policy.UpdatedAt = clock.UtcNow();
        policy.UpdatedBy = await ActingPerson.NameAsync(db, ct);
        var rows = await db.RiskWeights.ToListAsync(ct);
        foreach (var (key, weight) in input.Weights ?? [])
        {
            if (rows.FirstOrDefault(r => r.Component == key) is { } row)
            {
                row.Weight = weight;
            }
            else
            {
                db.RiskWeights.Add(new RiskWeight { Component = key, Weight = weight });
            }
        }
        await db.SaveChangesAsync(ct);
        return Outcome<PolicyView>.Ok(await GetAsync(ct));
    }
}
