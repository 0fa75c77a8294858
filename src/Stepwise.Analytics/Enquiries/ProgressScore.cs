using System.Globalization;
using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Enquiries;

/// <summary>What a measure of an enquiry measures (the model for improvement's three families).</summary>
public enum MeasureRole
{
    /// <summary>The aim itself: what the pupils achieve.</summary>
    Outcome,

    /// <summary>Whether the change is happening as planned.</summary>
    Process,

    /// <summary>Whether something else is getting worse because of the change.</summary>
    Balancing,
}

/// <summary>A cycle's decision, as the score reads it.</summary>
public enum CycleAct
{
    /// <summary>Keep the change as it is.</summary>
    Adopt,

    /// <summary>Change it and test again.</summary>
    Adapt,

    /// <summary>Stop testing it.</summary>
    Abandon,
}

/// <summary>One charted point of a measure: the start of its period, its label, its value and the variation its chart gave it.</summary>
public sealed record ScorePoint(DateOnly PeriodStart, string Period, double Value, Variation Variation);

/// <summary>A measure with its charted points, in time order (the same points and labels its run chart shows).</summary>
public sealed record ScoreMeasure(int Id, string Name, MeasureRole Role, Polarity Polarity, double? Target, IReadOnlyList<ScorePoint> Points);

/// <summary>A PDSA cycle as the score reads it: where it ran, when it started, whether it was studied, what was decided, what it watched.</summary>
public sealed record ScoreCycle(int Id, int Number, int ChangeIdeaId, string ChangeIdea, int UnitId, string UnitName, DateOnly StartsOn, bool Studied,
    CycleAct? Decision, IReadOnlyList<int> MeasureIds);

/// <summary>Everything the progress score is computed from.</summary>
/// <param name="Members">People in the learning team.</param>
/// <param name="AimComplete">The aim has its words, a target and a date.</param>
/// <param name="ChangeIdeas">Change ideas on the driver diagram (not taken off).</param>
/// <param name="Measures">The enquiry's measures with their charted points.</param>
/// <param name="Cycles">The enquiry's PDSA cycles, started or planned.</param>
/// <param name="Today">The day the score is read on: a cycle starting later has not started.</param>
public sealed record ScoreEvidence(int Members, bool AimComplete, int ChangeIdeas, IReadOnlyList<ScoreMeasure> Measures, IReadOnlyList<ScoreCycle> Cycles, DateOnly Today);

/// <summary>One rung of the ladder: the IHI score, its words, whether the evidence reaches it, and the evidence (or what is missing).</summary>
public sealed record ScoreStep(double Score, string Label, bool Met, string Evidence);

/// <summary>The score, its words, why it is what it is, what would move it, and the whole ladder.</summary>
public sealed record EnquiryProgress(double Score, string Label, string Why, string? Next, IReadOnlyList<ScoreStep> Steps);

/// <summary>
/// The IHI progress score (0.5 "intent to participate" … 5.0 "outstanding sustainable results") computed from an
/// enquiry's evidence — never typed in (ADR 0081). Each rung has a condition on the records and a rung below it that
/// must be met first; the score is the highest rung met. Signals are the run chart's own labels (Making Data Count),
/// counted only from the period in which a cycle watching the measure started.
/// </summary>
public static class ProgressScore
{
    /// <summary>The points after the first outcome signal that must stay on the better side of the baseline mean.</summary>
    public const int HeldPoints = 6;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The score the evidence sets, with the evidence for each rung and what the next rung needs.</summary>
    public static EnquiryProgress Of(ScoreEvidence e)
    {
        var started = e.Cycles.Where(c => c.StartsOn <= e.Today).OrderBy(c => c.StartsOn).ThenBy(c => c.Number).ToList();
        var studied = started.Where(c => c.Studied || c.Decision is not null).ToList();
        var adopted = e.Cycles.Where(c => c.Decision == CycleAct.Adopt).OrderBy(c => c.StartsOn).ToList();
        var process = FirstSignal(e, MeasureRole.Process, started);
        var outcome = FirstSignal(e, MeasureRole.Outcome, started);
        var reached = TargetReached(e);
        var held = outcome is { } o ? Held(o, started) : null;
        var spread = Spread(e, adopted, started);

        var steps = new List<ScoreStep>();
        bool Add(double score, string label, bool below, bool condition, string met, string missing)
        {
            var ok = below && condition;
            steps.Add(new ScoreStep(score, label, ok, ok ? met : missing));
            return ok;
        }

        var s05 = Add(0.5, "Intent to participate", true, true, "The enquiry is recorded for a learning team.", "");
        var s10 = Add(1.0, "Team formed and aim set", s05, e.Members > 0 && e.AimComplete,
            $"A team of {Count(e.Members, "person", "people")} with an aim that has a target and a date.",
            e.Members == 0 ? "Add the team's members." : "Give the aim a target and a date.");
        var s15 = Add(1.5, "Planning begun", s10, e.ChangeIdeas > 0 && e.Measures.Count > 0,
            $"A driver diagram with {Count(e.ChangeIdeas, "change idea", "change ideas")} and {Count(e.Measures.Count, "measure", "measures")}.",
            e.ChangeIdeas == 0 ? "Add a change idea to the driver diagram." : "Add a measure with its operational definition.");
        var s20 = Add(2.0, "Activity, no change yet", s15, started.Count > 0,
            started.Count > 0 ? $"PDSA {started[0].Number} started on {Day(started[0].StartsOn)} testing \"{started[0].ChangeIdea}\"." : "",
            e.Cycles.Count > 0 ? $"PDSA {e.Cycles.Min(c => c.Number)} starts on {Day(e.Cycles.Min(c => c.StartsOn))}." : "Plan a PDSA cycle on a change idea and start it.");
        Add(2.5, "Changes tested, no improvement yet", s20, studied.Count > 0,
            studied.Count > 0 ? $"PDSA {studied[0].Number}'s results were studied against its prediction." : "",
            "Study a cycle's results against its prediction.");
        var s30 = Add(3.0, "Modest improvement", s20, process is not null,
            process is { } p ? SignalWords(p) : "",
            "An improvement signal on a process measure's chart after a cycle started.");
        Add(3.5, "Improvement", s30, adopted.Count > 0,
            adopted.Count > 0 ? $"\"{adopted[0].ChangeIdea}\" was adopted after PDSA {adopted[0].Number}." : "",
            "Adopt a change idea whose cycle moved a process measure.");
        var s40 = Add(4.0, "Significant improvement", s20, outcome is not null || reached is not null,
            outcome is { } oc ? SignalWords(oc) : reached ?? "",
            "An improvement signal on an outcome measure's chart after a cycle started, or the aim's target reached.");
        var s45 = Add(4.5, "Sustainable improvement", s40, held is not null,
            held ?? "",
            outcome is null ? "An improvement signal on an outcome measure, held for the next six points."
                : $"The next {HeldPoints} points of \"{outcome.Measure.Name}\" after {outcome.Point.Period} all on the better side of its mean before the first cycle.");
        Add(5.0, "Outstanding sustainable results", s45, spread is not null,
            spread ?? "",
            "An adopted change idea spread to another unit or school, with an improvement signal of its own there.");

        var top = steps.Last(s => s.Met);
        var next = steps.Where(s => !s.Met && s.Score > top.Score).OrderBy(s => s.Score).FirstOrDefault();
        var why = $"{Number(top.Score)} ({top.Label}): {top.Evidence}";
        return new EnquiryProgress(top.Score, top.Label, why, next is null ? null : $"{Number(next.Score)} ({next.Label}) needs: {next.Evidence}", steps);
    }

    /// <summary>The first improvement-labelled point of a measure of this role, in or after the period in which a cycle watching it started.</summary>
    private static Signal? FirstSignal(ScoreEvidence e, MeasureRole role, IReadOnlyList<ScoreCycle> started) =>
        e.Measures.Where(m => m.Role == role)
            .Select(m => SignalOn(m, started))
            .OfType<Signal>()
            .OrderBy(s => s.Point.PeriodStart)
            .FirstOrDefault();

    private static Signal? SignalOn(ScoreMeasure m, IReadOnlyList<ScoreCycle> started, Func<ScoreCycle, bool>? which = null)
    {
        var watching = started.Where(c => (which ?? (_ => true))(c) && (c.MeasureIds.Contains(m.Id) || which is null && !started.Any(s => s.MeasureIds.Contains(m.Id)))).ToList();
        if (watching.Count == 0)
        {
            return null;
        }
        var cycle = watching[0];
        var from = PeriodOf(m.Points, cycle.StartsOn);
        var point = m.Points.FirstOrDefault(p => p.PeriodStart >= from && p.Variation == Variation.Improvement);
        return point is null ? null : new Signal(m, point, cycle);
    }

    /// <summary>
    /// The start of the charted period that contains a date; the date itself when it is before the first point or after
    /// the last point's period (whose length is taken as the gap between the last two points).
    /// </summary>
    public static DateOnly PeriodOf(IReadOnlyList<ScorePoint> points, DateOnly on)
    {
        var containing = points.LastOrDefault(p => p.PeriodStart <= on);
        if (containing is null)
        {
            return on;
        }
        if (ReferenceEquals(containing, points[^1]) && points.Count > 1)
        {
            var length = points[^1].PeriodStart.DayNumber - points[^2].PeriodStart.DayNumber;
            return on.DayNumber >= containing.PeriodStart.DayNumber + length ? on : containing.PeriodStart;
        }
        return containing.PeriodStart;
    }

    private static string? TargetReached(ScoreEvidence e)
    {
        foreach (var m in e.Measures.Where(m => m.Role == MeasureRole.Outcome && m.Target is not null && m.Points.Count > 0))
        {
            var latest = m.Points[^1];
            var met = m.Polarity switch
            {
                Polarity.Up => latest.Value >= m.Target,
                Polarity.Down => latest.Value <= m.Target,
                _ => false,
            };
            if (met)
            {
                return $"\"{m.Name}\" reached its target of {Number(m.Target!.Value)} ({Number(latest.Value)} in {latest.Period}).";
            }
        }
        return null;
    }

    /// <summary>The signal held: the next six points after it all on the better side of the mean of the points before the first cycle.</summary>
    private static string? Held(Signal signal, IReadOnlyList<ScoreCycle> started)
    {
        var m = signal.Measure;
        var from = PeriodOf(m.Points, started[0].StartsOn);
        var before = m.Points.Where(p => p.PeriodStart < from).Select(p => p.Value).ToList();
        if (before.Count == 0 || m.Polarity == Polarity.Neutral)
        {
            return null;
        }
        var baseline = before.Average();
        var after = m.Points.Where(p => p.PeriodStart > signal.Point.PeriodStart).Take(HeldPoints).ToList();
        var better = after.Count == HeldPoints && after.All(p => m.Polarity == Polarity.Up ? p.Value > baseline : p.Value < baseline);
        return better
            ? $"The {HeldPoints} points of \"{m.Name}\" after {signal.Point.Period} all stayed on the better side of its baseline mean of {Number(baseline)}."
            : null;
    }

    /// <summary>An adopted idea run again in another unit (a later cycle of the same idea) with an improvement signal of its own there.</summary>
    private static string? Spread(ScoreEvidence e, IReadOnlyList<ScoreCycle> adopted, IReadOnlyList<ScoreCycle> started)
    {
        foreach (var first in adopted)
        {
            foreach (var other in started.Where(c => c.ChangeIdeaId == first.ChangeIdeaId && c.UnitId != first.UnitId && c.StartsOn >= first.StartsOn))
            {
                foreach (var m in e.Measures.Where(m => other.MeasureIds.Contains(m.Id)))
                {
                    if (SignalOn(m, [other], c => c.Id == other.Id) is { } s)
                    {
                        return $"\"{first.ChangeIdea}\", adopted after PDSA {first.Number}, spread to {other.UnitName} in PDSA {other.Number}: "
                            + $"an improvement signal on \"{m.Name}\" in {s.Point.Period}.";
                    }
                }
            }
        }
        return null;
    }

    private static string SignalWords(Signal s) =>
        $"An improvement signal on \"{s.Measure.Name}\" ({s.Measure.Role.ToString().ToLowerInvariant()} measure) in {s.Point.Period}, after PDSA {s.Cycle.Number} started on {Day(s.Cycle.StartsOn)}.";

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", English);

    /// <summary>A score or figure as written: 2.5, 3.0, 62.4.</summary>
    public static string Number(double v) => v.ToString(Math.Abs(v - Math.Round(v, 1)) < 1e-9 ? "0.0" : "0.##", CultureInfo.InvariantCulture);

    private sealed record Signal(ScoreMeasure Measure, ScorePoint Point, ScoreCycle Cycle);
}
