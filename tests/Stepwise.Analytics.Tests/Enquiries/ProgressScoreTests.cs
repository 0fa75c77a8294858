using Stepwise.Analytics.Enquiries;
using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Enquiries;

/// <summary>The IHI progress score computed from an enquiry's evidence (ADR 0081): each rung reached only by its records.</summary>
public class ProgressScoreTests
{
    private static readonly DateOnly FirstWeek = new(2025, 1, 6);
    private static readonly DateOnly Today = new(2025, 7, 1);

    // Eight flat weeks, then eight weeks clearly higher: a shift (a run of 7 or more above the mean) after week 9.
    private static readonly double[] Rising = [40, 42, 39, 41, 40, 43, 41, 40, 55, 57, 56, 58, 57, 59, 58, 57];
    private static readonly double[] Flat = [40, 42, 39, 41, 40, 43, 41, 40, 41, 42, 39, 41, 40, 42, 41, 40];

    private static ScoreMeasure Measure(int id, MeasureRole role, double[] values, double? target = null, Polarity polarity = Polarity.Up)
    {
        var spc = XmrChart.Analyse(values, new SpcOptions { Polarity = polarity });
        return new ScoreMeasure(id, $"Measure {id}", role, polarity, target,
            [.. values.Select((v, i) => new ScorePoint(FirstWeek.AddDays(7 * i), $"week {i + 1}", v, spc.Points[i].Variation))]);
    }

    private static ScoreCycle Cycle(int id, DateOnly starts, int[] measures, bool studied = false, CycleAct? decision = null, int idea = 1, int unit = 1) =>
        new(id, id, idea, "Paired reading every morning", unit, unit == 1 ? "Year 3" : "Year 4", starts, studied, decision, measures);

    private static EnquiryProgress Score(int members = 3, bool aim = true, int ideas = 1, ScoreMeasure[]? measures = null, ScoreCycle[]? cycles = null) =>
        ProgressScore.Of(new ScoreEvidence(members, aim, ideas, measures ?? [], cycles ?? [], Today));

    private static readonly DateOnly Week9 = FirstWeek.AddDays(7 * 8);

    [Fact]
    public void An_enquiry_without_members_scores_intent_to_participate_and_says_what_would_move_it()
    {
        var score = Score(members: 0);
        Assert.Equal(0.5, score.Score);
        Assert.Equal("1.0 (Team formed and aim set) needs: Add the team's members.", score.Next);
    }

    [Fact]
    public void A_team_with_an_aim_that_has_a_target_and_date_scores_one()
    {
        Assert.Equal(1.0, Score(ideas: 0).Score);
        Assert.Equal(0.5, Score(aim: false).Score);
    }

    [Fact]
    public void A_change_idea_and_a_measure_score_one_and_a_half()
    {
        var score = Score(measures: [Measure(1, MeasureRole.Process, Flat)]);
        Assert.Equal(1.5, score.Score);
        Assert.StartsWith("1.5 (Planning begun): A driver diagram with 1 change idea and 1 measure.", score.Why);
    }

    [Fact]
    public void A_cycle_counts_only_once_it_has_started()
    {
        var later = Score(measures: [Measure(1, MeasureRole.Process, Flat)], cycles: [Cycle(1, Today.AddDays(1), [1])]);
        Assert.Equal(1.5, later.Score);
        var started = Score(measures: [Measure(1, MeasureRole.Process, Flat)], cycles: [Cycle(1, Today, [1])]);
        Assert.Equal(2.0, started.Score);
    }

    [Fact]
    public void A_studied_cycle_without_improvement_scores_two_and_a_half()
    {
        var score = Score(measures: [Measure(1, MeasureRole.Process, Flat)], cycles: [Cycle(1, Week9, [1], studied: true, decision: CycleAct.Adapt)]);
        Assert.Equal(2.5, score.Score);
        Assert.Equal("Changes tested, no improvement yet", score.Label);
    }

    [Fact]
    public void An_improvement_signal_on_a_process_measure_after_the_cycle_started_scores_three()
    {
        var score = Score(measures: [Measure(1, MeasureRole.Process, Rising)], cycles: [Cycle(1, Week9, [1], studied: true)]);
        Assert.Equal(3.0, score.Score);
        Assert.Contains("An improvement signal on \"Measure 1\" (process measure) in week 9, after PDSA 1 started on 3 March 2025.", score.Why);
    }

    [Fact]
    public void A_signal_before_any_cycle_started_does_not_count()
    {
        // The cycle starts after the last point: the shift happened without it.
        var score = Score(measures: [Measure(1, MeasureRole.Process, Rising)], cycles: [Cycle(1, FirstWeek.AddDays(7 * 16), [1])]);
        Assert.Equal(2.0, score.Score);
    }

    [Fact]
    public void Adopting_the_idea_after_a_process_signal_scores_three_and_a_half()
    {
        var score = Score(measures: [Measure(1, MeasureRole.Process, Rising)], cycles: [Cycle(1, Week9, [1], studied: true, decision: CycleAct.Adopt)]);
        Assert.Equal(3.5, score.Score);
    }

    [Fact]
    public void An_outcome_signal_scores_four_and_held_for_six_points_four_and_a_half()
    {
        double[] shortRise = [40, 42, 39, 41, 40, 43, 41, 40, 55, 57, 56, 58, 57, 59];
        var four = Score(measures: [Measure(1, MeasureRole.Outcome, shortRise)], cycles: [Cycle(1, Week9, [1])]);
        Assert.Equal(4.0, four.Score);
        Assert.StartsWith("4.5 (Sustainable improvement) needs: The next 6 points of \"Measure 1\"", four.Next);

        var held = Score(measures: [Measure(1, MeasureRole.Outcome, Rising)], cycles: [Cycle(1, Week9, [1])]);
        Assert.Equal(4.5, held.Score);
    }

    [Fact]
    public void Reaching_the_aims_target_scores_four_without_a_signal()
    {
        double[] values = [60, 62, 61, 63, 75];
        var score = Score(measures: [Measure(1, MeasureRole.Outcome, values, target: 75)], cycles: [Cycle(1, FirstWeek.AddDays(7 * 3), [1])]);
        Assert.Equal(4.0, score.Score);
        Assert.Contains("reached its target of 75.0", score.Why);
    }

    [Fact]
    public void Spreading_an_adopted_idea_to_another_unit_with_its_own_signal_scores_five()
    {
        var outcome = Measure(1, MeasureRole.Outcome, Rising);
        var there = Measure(2, MeasureRole.Process, Rising);
        var score = Score(measures: [outcome, there], cycles:
        [
            Cycle(1, Week9, [1], studied: true, decision: CycleAct.Adopt),
            Cycle(2, Week9, [2], unit: 2),
        ]);
        Assert.Equal(5.0, score.Score);
        Assert.Contains("spread to Year 4 in PDSA 2", score.Why);

        var sameUnit = Score(measures: [outcome, there], cycles:
        [
            Cycle(1, Week9, [1], studied: true, decision: CycleAct.Adopt),
            Cycle(2, Week9, [2], unit: 1),
        ]);
        Assert.Equal(4.5, sameUnit.Score);
    }

    [Fact]
    public void Every_rung_is_listed_with_whether_it_is_met()
    {
        var score = Score(measures: [Measure(1, MeasureRole.Process, Flat)], cycles: [Cycle(1, Week9, [1])]);
        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0], score.Steps.Select(s => s.Score));
        Assert.Equal([true, true, true, true, false, false, false, false, false, false], score.Steps.Select(s => s.Met));
    }
}
