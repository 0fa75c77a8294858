using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>A scale's change since last time is tested on one score per respondent, not on respondents × items.</summary>
public class ScaleChangeTests
{
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>One run: each respondent's answers to four items share their outlook, as real answers do.</summary>
    private static List<int[]> Run(Random random, int respondents, double level) =>
        Enumerable.Range(0, respondents).Select(_ =>
        {
            var outlook = Normal(random) * 0.6;
            return Enumerable.Range(0, 4).Select(_ => random.NextDouble() < 0.05 ? 0 : Math.Clamp((int)Math.Round(level + outlook + Normal(random) * 0.75), 1, 5)).ToArray();
        }).ToList();

    private static List<double> Scores(List<int[]> run) =>
        run.Select(r => ScaleChange.Score(r.Count(a => a >= 4), r.Count(a => a > 0))).Where(s => s is not null).Select(s => s!.Value).ToList();

    /// <summary>
    /// Issue 17 defect 3: under no real change, pooling respondents × items called a change "real" far more often than
    /// one time in twenty; one score per respondent does so about one time in twenty.
    /// </summary>
    [Fact]
    public void Issue_17_defect_3_under_no_real_change_one_score_per_respondent_gives_a_false_alarm_about_one_time_in_twenty()
    {
        var random = new Random(1703);
        const int runs = 4000;
        var perRespondent = 0;
        var pooled = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = Run(random, 34, 3.0);
            var after = Run(random, 38, 3.0);
            if (ScaleChange.Test(Scores(before), Scores(after)).IsSignificant())
            {
                perRespondent++;
            }
            int Favourable(List<int[]> run) => run.Sum(r => r.Count(a => a >= 4));
            int Answered(List<int[]> run) => run.Sum(r => r.Count(a => a > 0));
            if (ProportionChange.TwoProportionZTest(Favourable(before), Answered(before), Favourable(after), Answered(after)).IsSignificant())
            {
                pooled++;
            }
        }
        var rate = (double)perRespondent / runs;
        Assert.InRange(rate, 0.04, 0.065);
        Assert.True((double)pooled / runs > 0.10, $"pooled answers gave {(double)pooled / runs:P1} false alarms"); // the old way, for the record
    }

    [Fact]
    public void A_real_change_in_the_respondents_scores_is_found()
    {
        var random = new Random(1704);
        var found = Enumerable.Range(0, 200).Count(_ => ScaleChange.Test(Scores(Run(random, 40, 2.7)), Scores(Run(random, 40, 3.6))).IsSignificant());
        Assert.True(found > 150, $"found {found} of 200");
    }

    [Fact]
    public void The_scores_means_and_welch_t_match_a_hand_calculation()
    {
        // Before: 0, 0.5, 1 (mean 0.5, s² 0.25); after: 0.5, 1, 1, 1 (mean 0.875, s² 0.0625).
        var result = ScaleChange.Test([0, 0.5, 1], [0.5, 1, 1, 1]);
        Assert.Equal(0.5, result.Before, 12);
        Assert.Equal(0.875, result.After, 12);
        var se = Math.Sqrt(0.25 / 3 + 0.0625 / 4);
        Assert.Equal(0.375 / se, result.Z, 12);
        Assert.InRange(result.PValue, 0.2, 0.4); // t ≈ 1.19 on about 2.6 degrees of freedom
        Assert.Equal(0.75, ScaleChange.Score(3, 4));
        Assert.Null(ScaleChange.Score(0, 0));
        Assert.Throws<ArgumentException>(() => ScaleChange.Test([0.5], [0.5, 1]));
    }
}
