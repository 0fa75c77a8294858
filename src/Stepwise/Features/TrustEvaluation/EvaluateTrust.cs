using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>A judgement of one area of a trust-level framework, as the API and the form send it.</summary>
public sealed record TrustJudgementInput
{
    /// <summary>The framework's key, e.g. "trust-quality"; it must be a trust-level framework of the trust.</summary>
    public string? Framework { get; init; }

    /// <summary>The area's key in the framework's latest version, e.g. "school-improvement".</summary>
    public string? Area { get; init; }

    /// <summary>The grade's key or name on the area's scale.</summary>
    public string? Grade { get; init; }

    public string? Strengths { get; init; }
    public string? AreasForDevelopment { get; init; }

    /// <summary>Left out, today.</summary>
    public DateOnly? JudgedOn { get; init; }
}

/// <summary>
/// Records the trust's judgement of itself on one area (a pillar) of a trust-level framework's latest version. Only
/// those who may evaluate the trust record one; a school-level framework is refused. A judgement is never changed
/// afterwards: a later one is added, so the history stays. Nothing is stored if any field is wrong.
/// </summary>
public sealed class EvaluateTrust(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue, TimeProvider clock)
{
    public async Task<Outcome<TrustJudgementView>> HandleAsync(TrustJudgementInput input, CancellationToken ct)
    {
        // Permission first: someone who may not judge learns nothing from the validation messages.
        if (!await access.CanAcrossTrustAsync(Permission.EvaluateTrust, ct))
        {
            return Outcome<TrustJudgementView>.Forbidden();
        }
        var problems = new Problems();
        LoadedVersion? loaded = null;
        if (Text.Clean(input.Framework) is not string key)
        {
            problems.Add("framework", "Choose the trust-level framework to judge the trust against.");
        }
        else if ((loaded = await catalogue.LoadByKeyAsync(key, FrameworkLevel.Trust, ct)) is null)
        {
            problems.Add("framework", await catalogue.ExistsAsync(key, ct)
                ? $"\"{key}\" is a school-level framework: the trust judges itself only against a trust-level one, such as the trust quality pillars."
                : $"Your trust has no framework \"{key}\".");
        }

        FrameworkArea? area = null;
        if (loaded is not null)
        {
            area = loaded.Areas.FirstOrDefault(a => a.Key == Text.Clean(input.Area));
            if (area is null)
            {
                problems.Add("area", Text.Clean(input.Area) is null
                    ? "Choose the area to judge."
                    : $"Version {loaded.Version.Number} of {loaded.Framework.Name} has no area \"{input.Area!.Trim()}\": choose one of {string.Join(", ", loaded.Areas.Select(a => a.Key))}.");
            }
        }

        var grade = area is null ? null : JudgementRules.Grade(problems, loaded!, area, input.Grade);
        var today = clock.Today();
        var judgedOn = JudgementRules.WordsAndDay(problems, input.Strengths, input.AreasForDevelopment, input.JudgedOn, today);
        if (problems.Any)
        {
            return Outcome<TrustJudgementView>.Invalid(problems);
        }

        var judgement = new TrustJudgement
        {
            FrameworkAreaId = area!.Id,
            Grade = grade!.Key,
            Strengths = Text.Clean(input.Strengths),
            AreasForDevelopment = Text.Clean(input.AreasForDevelopment),
            JudgedOn = judgedOn,
            PersonId = db.Scope.PersonId,
            By = await ActingPerson.NameAsync(db, ct),
            RecordedAt = clock.UtcNow(),
        };
        db.TrustJudgements.Add(judgement);
        await db.SaveChangesAsync(ct);
        return Outcome<TrustJudgementView>.Ok(ReadTrustEvaluation.View(judgement, area, loaded!));
    }
}
