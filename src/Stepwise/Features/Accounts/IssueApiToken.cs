using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Accounts;

/// <summary>Makes, lists and revokes personal access tokens. The token is returned once; only its hash is kept.</summary>
public sealed class IssueApiToken(AppDbContext db, TimeProvider clock)
{
    public sealed record Issued(string Token, DateTime ExpiresAt);

    public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime ExpiresAt, bool Revoked, bool Expired);

    public async Task<Issued> HandleAsync(int trustId, int personId, string name, int days, CancellationToken ct)
    {
        var token = ApiToken.NewSecret();
        var now = clock.UtcNow();
        var row = new ApiToken
        {
            TrustId = trustId,
            PersonId = personId,
            Name = name,
            Hash = ApiToken.HashOf(token),
            Hint = token[..8],
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new Issued(token, row.ExpiresAt);
    }

    public Task<List<TokenRow>> ListAsync(int personId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        return db.ApiTokens.Where(t => t.PersonId == personId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt != null, t.ExpiresAt < now))
            .ToListAsync(ct);
    }

    public async Task<int> RevokeAllAsync(int personId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var live = await db.ApiTokens.Where(t => t.PersonId == personId && t.RevokedAt == null).ToListAsync(ct);
        live.ForEach(t => t.RevokedAt = now);
        await db.SaveChangesAsync(ct);
        return live.Count;
    }
}
