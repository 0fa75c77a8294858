using Stepwise.Common;

namespace Stepwise.Tests.Common;

public sealed class FormattingAMeasuresValue
{
    [Theory]
    [InlineData(74.0, "%", "74%")]
    [InlineData(4.25, "%", "4.3%")]
    [InlineData(3.0, "% of sessions", "3.0%")]
    [InlineData(12.345, "% of pupils", "12.3%")]
    [InlineData(12.5, "per 100 pupils", "12.5 per 100 pupils")]
    [InlineData(104.26, "score", "104.3")]
    [InlineData(46.0, "score", "46.0")]
    [InlineData(0.421, "progress score", "+0.42")]
    [InlineData(-0.31, "progress score", "−0.31")]
    [InlineData(0.0, "progress score", "0.00")]
    [InlineData(1204, "pupils", "1,204")]
    [InlineData(2.5, "", "2.5")]
    public void Reads_in_its_unit(double value, string unit, string expected) => Assert.Equal(expected, MetricFormat.Format(value, unit));

    [Fact]
    public void A_missing_value_is_a_dash() => Assert.Equal("–", MetricFormat.Format(null, "%"));

    [Theory]
    [InlineData(2.46, "% of pupils", "+2.5 points")]
    [InlineData(-0.04, "% of pupils", "0.0 points")]
    [InlineData(-0.3, "progress score", "−0.30")]
    public void A_difference_carries_its_sign(double difference, string unit, string expected) =>
        Assert.Equal(expected, MetricFormat.Difference(difference, unit));
}
