using System.Security.Cryptography;
using System.Text;

namespace Stepwise.Features.Surveys;

/// <summary>
/// One-time codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown once on a printed sheet
/// and kept only as a SHA-256 hash salted with the survey id, so a copy of the database does not give working codes.
/// </summary>
public static class OneTimeCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    /// <summary>A new random code, printed as two groups of five: "K7QMX-4TXPB".</summary>
    public static string Generate()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{chars[..5]}-{chars[5..]}";
    }

    /// <summary>What a person typed, tidied: upper case, spaces and dashes removed; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var cleaned = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return cleaned.Length == Length && cleaned.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? cleaned : null;
    }

    public static string Hash(int surveyId, string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"stepwise-survey-code:{surveyId}:{normalised}")));

    /// <summary>An unguessable link token: 128 bits in lower-case hex, because the app writes its URLs in lower case.</summary>
    public static string NewLinkToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
