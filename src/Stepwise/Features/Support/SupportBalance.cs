using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Support;

/// <summary>How much a school gives and receives: its support episodes (not cancelled) as giver and as receiver, with the areas' names.</summary>
public sealed record GiveReceive(int Gives, int Receives, IReadOnlyList<string> GivesIn, IReadOnlyList<string> ReceivesIn)
{
    public static GiveReceive None { get; } = new(0, 0, [], []);

    /// <summary>Whether the school both gives and receives (the trust's aim for every school).</summary>
    public bool Both => Gives > 0 && Receives > 0;
}

/// <summary>The one read of the give/receive balance, per school by URN (the trust overview and the brokerage pages share it).</summary>
public sealed class ReadSupportBalance(AppDbContext db)
{
    public async Task<Dictionary<int, GiveReceive>> ForSchoolsAsync(IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn)).Select(s => new { s.Id, s.Urn }).ToListAsync(ct);
        var ids = schools.Select(s => s.Id).ToList();
        var episodes = await (
                from e in db.SupportEpisodes.AsNoTracking()
                where e.Status != SupportEpisodeStatus.Cancelled && (ids.Contains(e.GiverSchoolId) || ids.Contains(e.ReceiverSchoolId))
                join a in db.FrameworkAreas on e.FrameworkAreaId equals a.Id
                select new { e.GiverSchoolId, e.ReceiverSchoolId, Area = a.Name })
            .ToListAsync(ct);
        return schools.ToDictionary(s => s.Urn, s =>
        {
            var gives = episodes.Where(e => e.GiverSchoolId == s.Id).ToList();
            var receives = episodes.Where(e => e.ReceiverSchoolId == s.Id).ToList();
            return new GiveReceive(gives.Count, receives.Count,
                gives.Select(e => e.Area).Distinct().Order(StringComparer.Ordinal).ToList(),
                receives.Select(e => e.Area).Distinct().Order(StringComparer.Ordinal).ToList());
        });
    }
}
