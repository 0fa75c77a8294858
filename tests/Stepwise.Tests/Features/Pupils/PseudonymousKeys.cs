using Stepwise.Features.Pupils;

namespace Stepwise.Tests.Features.Pupils;

public sealed class PseudonymousKeys
{
    private static readonly byte[] SecretA = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] SecretB = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void The_same_upn_and_secret_always_give_the_same_key()
    {
        Assert.Equal(PupilKey.FromUpn("A123456789012", SecretA), PupilKey.FromUpn(" a123456789012 ", SecretA));
        Assert.Matches("^[0-9a-f]{20}$", PupilKey.FromUpn("A123456789012", SecretA));
    }

    [Fact]
    public void Another_trusts_secret_gives_an_unrelated_key()
    {
        Assert.NotEqual(PupilKey.FromUpn("A123456789012", SecretA), PupilKey.FromUpn("A123456789012", SecretB));
    }

    [Fact]
    public void The_key_never_contains_the_upn()
    {
        Assert.DoesNotContain("123456789012", PupilKey.FromUpn("A123456789012", SecretA), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A123456789012", true)]
    [InlineData("A12345678901B", true)]
    [InlineData("123456789012A", false)]
    [InlineData("A1234", false)]
    public void A_upn_is_a_letter_eleven_digits_and_a_final_digit_or_letter(string upn, bool wellFormed) =>
        Assert.Equal(wellFormed, PupilKey.IsWellFormedUpn(upn));
}
