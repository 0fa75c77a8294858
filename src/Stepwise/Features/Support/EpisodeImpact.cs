using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Support;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Metrics;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Support;

/// <summary>An episode's impact as the data reads it now: the kind, the sentence, and the window it looked in.</summary>
public sealed record ImpactRead(SupportImpact Impact, string Sentence, DateOnly From, DateOnly To);

/// <summary>
/// Reads a support episode's impact from the receiver's data on the measure (ADR 0091): the school's series for the
/// measure read the way its metric page reads it (<see cref="MetricSeries"/>, finest periods, <see cref="MetricAnalysis"/>),
/// and the variation of each charted point whose period starts from the episode's start to the end of the term after
/// the one it starts in (two terms). <see cref="ImpactReading"/> decides.
/// </summary>
public static class EpisodeImpact
{
    /// <summary>From the start to the last day of the next term: two terms counting the one the episode starts in.</summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly startsOn)
    {
        var (_, thisTermEnds) = SupportCapacities.TermOf(startsOn);
        return (startsOn, SupportCapacities.TermOf(thisTermEnds.AddDays(1)).To);
    }

    /// <summary>The school's series for the measure (all pupils), analysed in its finest periods; null when it has none.</summary>
    public static async Task<MetricAnalysis?> AnalyseAsync(AppDbContext db, School school, string metricKey, CancellationToken ct)
    {
        var series = (await MetricSeries.ForSchoolAsync(db, school.Id, school.Urn, PupilGroups.All, null, ct)).FirstOrDefault(s => s.Metric.Key == metricKey);
        return series is null ? null : MetricAnalysis.Of(series with { Points = series.Points.Where(p => p.PeriodKind == MetricSeries.PreferredKind(series)).ToList() });
    }

    public static async Task<ImpactRead> ReadAsync(AppDbContext db, SupportEpisode episode, CancellationToken ct)
    {
        var (from, to) = Window(episode.StartsOn);
        var during = $"from {Shared.Display.Date(from)} to {Shared.Display.Date(to)}";
        if (episode.MetricKey is null)
        {
            return new ImpactRead(SupportImpact.NoData, "The episode has no measure, so there is no data to read its impact from.", from, to);
        }
        var receiver = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == episode.ReceiverSchoolId, ct);
        var analysis = await AnalyseAsync(db, receiver, episode.MetricKey, ct);
        var inWindow = analysis?.Charted.Where(p => p.Point.PeriodStart >= from && p.Point.PeriodStart <= to).ToList() ?? [];
        var impact = ImpactReading.Of(inWindow.Select(p => p.Variation).ToList()) switch
        {
            ImpactSignal.Improvement => SupportImpact.Improvement,
            ImpactSignal.Concern => SupportImpact.Concern,
            ImpactSignal.NoSignal => SupportImpact.NoSignal,
            _ => SupportImpact.NoData,
        };
        var name = analysis is null ? episode.MetricKey : MetricAnalysis.SentenceName(analysis.Series);
        var points = inWindow.Count == 1 ? "1 point" : $"{inWindow.Count} points";
        var sentence = impact switch
        {
            SupportImpact.Improvement => $"{receiver.Name}'s {name} shows an improvement signal {during} ({points}).",
            SupportImpact.Concern => $"{receiver.Name}'s {name} shows a concern signal {during} ({points}).",
            SupportImpact.NoSignal => $"{receiver.Name}'s {name} shows no signal either way {during} ({points}): common-cause variation.",
            _ => $"{receiver.Name} has no figures for {name} {during}.",
        };
        return new ImpactRead(impact, sentence, from, to);
    }
}
