using System.Security.Cryptography;
using System.Text;
using Stepwise.Data;

namespace Stepwise.Features.Accounts;

/// <summary>
/// A personal access token for the JSON API. Only its SHA-256 hash is stored; the token itself is shown once.
/// </summary>
public sealed class ApiToken : ITrustOwned
{
    public const string Prefix = "sw_";

    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PersonId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public static string NewSecret() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
