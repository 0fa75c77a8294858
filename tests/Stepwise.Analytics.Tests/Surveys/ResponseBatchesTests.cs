using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>Figures of an open survey move only in whole batches, and closing it cannot single out the last answers.</summary>
public class ResponseBatchesTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 5)]
    [InlineData(14, 5)]
    [InlineData(23, 15)]
    [InlineData(25, 20)]
    public void An_open_survey_shows_whole_batches_of_five_and_holds_the_latest_back(int received, int shown) =>
        Assert.Equal(shown, ResponseBatches.ToShow(received, 5, open: true));

    [Fact]
    public void A_closed_survey_shows_every_response() =>
        Assert.Equal(23, ResponseBatches.ToShow(23, 5, open: false));

    [Fact]
    public void No_two_readings_differ_by_fewer_than_the_minimum_not_even_across_closing()
    {
        // Every reading a person could take: open at any count up to the final one, then closed at the final count.
        // A reading of fewer than the minimum shows no figures at all, the same as a reading of none.
        foreach (var minimum in new[] { 3, 5, 7 })
        {
            for (var final = 0; final <= 60; final++)
            {
                var readings = Enumerable.Range(0, final + 1).Select(n => ResponseBatches.ToShow(n, minimum, open: true))
                    .Append(ResponseBatches.ToShow(final, minimum, open: false)).Select(r => r < minimum ? 0 : r).Distinct().Order().ToList();
                for (var i = 1; i < readings.Count; i++)
                {
                    Assert.True(readings[i] - readings[i - 1] >= minimum, $"m {minimum}, final {final}: {readings[i - 1]} then {readings[i]}");
                }
            }
        }
    }

    [Fact]
    public void Without_holding_a_batch_back_closing_would_single_out_the_last_answer()
    {
        // The rule it replaces: 21 received shows 20 while open, then 21 when closed — a difference of one person.
        var naive = 21 / 5 * 5;
        Assert.Equal(1, ResponseBatches.ToShow(21, 5, open: false) - naive);
        Assert.True(ResponseBatches.ToShow(21, 5, open: false) - ResponseBatches.ToShow(21, 5, open: true) >= 5);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(4, 5)]
    [InlineData(5, 10)]
    [InlineData(23, 25)]
    public void The_next_change_comes_at_the_next_multiple_of_the_minimum(int received, int next) =>
        Assert.Equal(next, ResponseBatches.NextStepAt(received, 5));

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBatches.ToShow(-1, 5, open: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBatches.ToShow(3, 0, open: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBatches.NextStepAt(3, 0));
    }
}
