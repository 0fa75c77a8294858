using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Features.Pupils;

/// <summary>Turns a UPN into the pupil's pseudonymous key: HMAC-SHA256 with the trust's secret, first 80 bits.</summary>
public static partial class PupilKey
{
    /// <summary>A UPN is a check letter, 12 digits, and a final digit or letter (DfE common basic data set).</summary>
    [GeneratedRegex("^[A-Z][0-9]{11}[0-9A-Z]$")]
    private static partial Regex UpnPattern();

    public static bool IsWellFormedUpn(string upn) => UpnPattern().IsMatch(Normalise(upn));

    public static string FromUpn(string upn, byte[] trustSecret)
    {
        var mac = HMACSHA256.HashData(trustSecret, Encoding.ASCII.GetBytes(Normalise(upn)));
        return Convert.ToHexStringLower(mac, 0, 10);
    }

    private static string Normalise(string upn) => upn.Trim().ToUpperInvariant();
}
