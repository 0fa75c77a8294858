using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>The JSON codes of issue 5's <c>analyse spc --json</c> output.</summary>
public class SpcCodesTests
{
    [Fact]
    public void Rules_and_variations_have_the_codes_the_command_line_prints()
    {
        Assert.Equal(
            ["outside-limits", "trend", "two-of-three", "shift"],
            Enum.GetValues<SpcRule>().Select(r => ((SpcRule?)r).ToCode()));
        Assert.Null(((SpcRule?)null).ToCode());
        Assert.Equal(["common", "improvement", "concern", "neutral"], Enum.GetValues<Variation>().Select(v => v.ToCode()));
    }

    [Theory]
    [InlineData("up", Polarity.Up)]
    [InlineData("DOWN", Polarity.Down)]
    [InlineData(" neutral ", Polarity.Neutral)]
    [InlineData("increase", Polarity.Up)]
    public void Parses_polarity_options(string code, Polarity expected)
    {
        Assert.Equal(expected, SpcCodes.ParsePolarity(code));
    }

    [Fact]
    public void Does_not_guess_an_unknown_polarity()
    {
        Assert.Null(SpcCodes.ParsePolarity("sideways"));
    }
}
