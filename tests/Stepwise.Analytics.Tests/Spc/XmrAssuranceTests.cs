using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>Assurance against a target from the latest limits (methods.md §4.1; ptd_calculate_assurance_type).</summary>
public class XmrAssuranceTests
{
    // V1 limits: 42.0936 … 62.4064.
    private static Assurance For(double target, Polarity polarity) =>
        XmrChart.Analyse(MethodsVectors.V1, new SpcOptions { Target = target, Polarity = polarity }).Assurance;

    [Theory]
    [InlineData(40.0, Polarity.Up, Assurance.ConsistentPass)]
    [InlineData(65.0, Polarity.Up, Assurance.ConsistentFail)]
    [InlineData(52.0, Polarity.Up, Assurance.Inconsistent)]
    [InlineData(40.0, Polarity.Down, Assurance.ConsistentFail)]
    [InlineData(65.0, Polarity.Down, Assurance.ConsistentPass)]
    [InlineData(52.0, Polarity.Down, Assurance.Inconsistent)]
    [InlineData(65.0, Polarity.Neutral, Assurance.None)]
    public void Judges_the_target_against_the_process_limits(double target, Polarity polarity, Assurance expected)
    {
        Assert.Equal(expected, For(target, polarity));
    }

    [Fact]
    public void Gives_no_assurance_without_a_target()
    {
        Assert.Equal(Assurance.None, XmrChart.Analyse(MethodsVectors.V1, new SpcOptions { Polarity = Polarity.Up }).Assurance);
    }

    [Fact]
    public void Uses_the_latest_group_after_a_rebase()
    {
        // V2 rebased at point 11: the last group's limits are 17.5 ± 2.66 × 11/9 = 14.249 … 20.751.
        var options = new SpcOptions { Target = 14, Polarity = Polarity.Up, RebaseAt = [10] };

        Assert.Equal(Assurance.ConsistentPass, XmrChart.Analyse(MethodsVectors.V2, options).Assurance);
        Assert.Equal(Assurance.Inconsistent, XmrChart.Analyse(MethodsVectors.V2, options with { RebaseAt = [] }).Assurance);
    }

    [Fact]
    public void Has_stable_codes_for_json()
    {
        Assert.Equal(["none", "pass", "fail", "inconsistent"], Enum.GetValues<Assurance>().Select(a => a.ToCode()));
    }
}
