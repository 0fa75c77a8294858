using System.Security.Cryptography;

namespace Stepwise.Features.Trusts;

/// <summary>A multi-academy trust, local authority or standalone school (a trust of one).</summary>
public sealed class Trust
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Companies House number, where the trust has one.</summary>
    public string? CompanyNumber { get; set; }

    /// <summary>The trust's group UID in Get Information About Schools (its "Group UID"), where it has one.</summary>
    public int? GiasGroupUid { get; set; }

    /// <summary>
    /// The per-trust key that turns a pupil's UPN into a pseudonymous key. Never shown, never exported;
    /// without it a key cannot be traced back to a UPN.
    /// </summary>
    public byte[] PseudonymSecret { get; set; } = RandomNumberGenerator.GetBytes(32);

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// A fixed name the code finds this trust by, whatever people rename it to: <see cref="DemoKey"/> for the demo
    /// trust; null for every trust a person creates.
    /// </summary>
    public string? Key { get; set; }

    public const string DemoKey = "demo";
}
