using System.Net;
using System.Security.Cryptography;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Accounts;

/// <summary>Turning on TOTP two-factor authentication with an authenticator app, then signing in with a code.</summary>
public sealed class TwoFactorSignIn(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_person_turns_on_two_factor_and_then_needs_a_code_to_sign_in()
    {
        var client = await app.SignInAsync(World.SecondaryHead);
        var setup = await client.GetPageAsync("/account/two-factor");
        var key = setup.Text("[data-testid=shared-key]").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var wrong = await (await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = "000000" }, "/account/two-factor?handler=enable")).ReadPageAsync();
        Assert.Contains(wrong.Errors(), e => e.StartsWith("That code is not right", StringComparison.Ordinal));

        var enabled = await (await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = Totp(key) }, "/account/two-factor?handler=enable")).ReadPageAsync();
        Assert.Equal(8, enabled.QuerySelectorAll(".warning li code").Length);

        var again = app.Anonymous();
        var afterPassword = await again.SubmitSignInAsync(World.SecondaryHead, World.Password);
        Assert.Equal("/sign-in/code", (await afterPassword.AssertRedirectAsync()).Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);

        var codePage = await again.GetPageAsync("/sign-in/code");
        var signedIn = await again.SubmitAsync(codePage.Form(), new Dictionary<string, string> { ["Input.Code"] = Totp(key) }, "/sign-in/code");
        Assert.Equal("/", await signedIn.AssertRedirectAsync());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    /// <summary>
    /// RFC 6238: HMAC-SHA1 over the 30-second time step, 6 digits (what authenticator apps compute). By the real clock, not
    /// the app's fake one: Identity checks the code against the real time (it takes no TimeProvider), as the phone would.
    /// </summary>
    internal static string Totp(string base32Key)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
