using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Comparators;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Benchmarking;

/// <summary>The weights in use, as whole percentages, and whether they are the DfE's.</summary>
public sealed record WeightsView(int Pupils, int FreeSchoolMeals, int Sen, bool IsDfe, bool CanChange, DateTime? ChangedAt, string? ChangedBy)
{
    public ComparatorWeights ToWeights() => new(Pupils / 100.0, FreeSchoolMeals / 100.0, Sen / 100.0);
}

public sealed record WeightsInput
{
    public int? Pupils { get; init; }
    public int? FreeSchoolMeals { get; init; }
    public int? Sen { get; init; }
}

/// <summary>
/// How the acting trust chooses similar schools: the DfE's weights unless the trust has set its own. Trust leaders
/// and administrators may change them; everyone in the trust sees which are in use.
/// </summary>
public sealed class TrustWeights(AppDbContext db, TrustScope scope, AccessControl access, TimeProvider clock)
{
    public const int DfePupils = 50;
    public const int DfeFreeSchoolMeals = 40;
    public const int DfeSen = 10;

    /// <summary>The weights of the acting trust; the DfE's for the command line (which acts for no trust).</summary>
    public async Task<WeightsView> GetAsync(CancellationToken ct)
    {
        var canChange = scope.TrustId is not null && await access.CanAcrossTrustAsync(Permission.AdjustComparatorWeights, ct);
        var setting = scope.TrustId is int trustId
            ? await db.ComparatorWeightSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TrustId == trustId, ct)
            : null;
        return setting is null
            ? new WeightsView(DfePupils, DfeFreeSchoolMeals, DfeSen, IsDfe: true, canChange, null, null)
            : new WeightsView(setting.PupilsPercent, setting.FreeSchoolMealsPercent, setting.SenPercent,
                IsDfe(setting.PupilsPercent, setting.FreeSchoolMealsPercent, setting.SenPercent), canChange, setting.ChangedAt, setting.ChangedBy);
    }

    public async Task<Outcome<WeightsView>> SaveAsync(WeightsInput input, CancellationToken ct)
    {
        if (scope.TrustId is not int trustId || !await access.CanAcrossTrustAsync(Permission.AdjustComparatorWeights, ct))
        {
            return Outcome<WeightsView>.Forbidden();
        }
        var problems = new Problems();
        Check(problems, "pupils", input.Pupils, "weight on pupils");
        Check(problems, "freeSchoolMeals", input.FreeSchoolMeals, "weight on free school meals");
        Check(problems, "sen", input.Sen, "weight on SEN");
        if (!problems.Any && input.Pupils + input.FreeSchoolMeals + input.Sen != 100)
        {
            problems.Add("pupils", $"The three weights must add up to 100 (they add up to {input.Pupils + input.FreeSchoolMeals + input.Sen}).");
        }
        if (problems.Any)
        {
            return Outcome<WeightsView>.Invalid(problems);
        }
        var setting = await db.ComparatorWeightSettings.FirstOrDefaultAsync(s => s.TrustId == trustId, ct);
        var before = setting is null ? $"{DfePupils}/{DfeFreeSchoolMeals}/{DfeSen} (the DfE's)" : $"{setting.PupilsPercent}/{setting.FreeSchoolMealsPercent}/{setting.SenPercent}";
        if (setting is null)
        {
            setting = new ComparatorWeightSetting { TrustId = trustId, ChangedBy = scope.Actor };
            db.Add(setting);
        }
        db.Audit(trustId, "Changed", nameof(ComparatorWeightSetting), trustId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Comparator weights (pupils/free school meals/SEN) {before} → {input.Pupils}/{input.FreeSchoolMeals}/{input.Sen}");
        (setting.PupilsPercent, setting.FreeSchoolMealsPercent, setting.SenPercent) = (input.Pupils!.Value, input.FreeSchoolMeals!.Value, input.Sen!.Value);
        (setting.ChangedAt, setting.ChangedBy) = (clock.UtcNow(), scope.Actor);
        await db.SaveChangesAsync(ct);
        return Outcome<WeightsView>.Ok(await GetAsync(ct));
    }

    public static bool IsDfe(int pupils, int fsm, int sen) => (pupils, fsm, sen) == (DfePupils, DfeFreeSchoolMeals, DfeSen);

    private static void Check(Problems problems, string field, int? value, string label)
    {
        if (value is null)
        {
            problems.Add(field, $"Enter the {label} (a whole number from 0 to 100).");
        }
        else if (value is < 0 or > 100)
        {
            problems.Add(field, $"The {label} must be a whole number from 0 to 100.");
        }
    }
}
