using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Stages;
using Stepwise.Features.Units;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>How many areas the school gave one grade, e.g. 5 × "Strong standard".</summary>
public sealed record GradeCount(string Grade, string GradeName, int Count);

/// <summary>
/// Where a school stands in its improvement loop, for a row of the trust overview: the whole school's stage, and
/// its latest self-evaluation in short — the school's grades counted, how many areas the trust disagrees on, the
/// pass/fail areas (safeguarding) by name, and the date of the latest judgement.
/// </summary>
public sealed record ImprovementSnapshot(
    string? Stage,
    string? StageName,
    DateOnly? StageSince,
    string? Framework,
    List<GradeCount> SelfGrades,
    List<string> MetOrNot,
    int Moderated,
    int Disagreements,
    DateOnly? LatestJudgement);

/// <summary>Reads <see cref="ImprovementSnapshot"/>s for the schools a page already knows the person may see.</summary>
public sealed class ReadImprovementSnapshots(AppDbContext db, ReadSelfEvaluation selfEvaluation, TimeProvider clock)
{
    public async Task<Dictionary<int, ImprovementSnapshot>> ForSchoolsAsync(IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var today = clock.Today();
        var current = await CurrentStages.OfWholeSchoolsAsync(db, urns, today, ct);

        var result = new Dictionary<int, ImprovementSnapshot>();
        foreach (var urn in urns)
        {
            // One self-evaluation per school: a trust has tens of schools, not thousands.
            var view = await selfEvaluation.HandleAsync(urn, null, null, ct);
            var judged = view?.Areas.Where(a => a.Self is not null).ToList() ?? [];
            var graded = judged.Where(a => a.Self!.ScaleSize > 2).Select(a => a.Self!).ToList();
            current.TryGetValue(urn, out var stage);
            var latest = view?.Areas.SelectMany(a => new[] { a.Self, a.Trust, a.External }).Where(j => j is not null).Select(j => j!.JudgedOn).DefaultIfEmpty().Max();
            result[urn] = new ImprovementSnapshot(
                stage is null ? null : Codes.Of(stage.Stage),
                stage?.Stage.ToString(),
                stage?.Since,
                view?.FrameworkName,
                graded.GroupBy(j => (j.Grade, j.GradeName, j.Rank)).OrderBy(g => g.Key.Rank)
                    .Select(g => new GradeCount(g.Key.Grade, g.Key.GradeName, g.Count())).ToList(),
                judged.Where(a => a.Self!.ScaleSize <= 2).Select(a => $"{a.Name}: {a.Self!.GradeName.ToLowerInvariant()}").ToList(),
                view?.Areas.Count(a => a.Agreement != "not-moderated") ?? 0,
                view?.Areas.Count(a => a.Agreement == "disagree") ?? 0,
                latest == default ? null : latest);
        }
        return result;
    }
}
