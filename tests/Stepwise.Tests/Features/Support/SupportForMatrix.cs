using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Schools;
using Stepwise.Features.Support;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Support;

/// <summary>
/// For the authorisation matrix's support routes, per school of the world: a need at the school, a network of it alone,
/// and an episode it receives from a third North Star school (Fellside, added here) — so the same-trust records involve
/// no school of the primary's head. Harbour has one school, so its episode id is North Star's (another trust's to its admin).
/// Needs an area of any framework of each trust (the matrix's improvement-loop seed installs them).
/// </summary>
public static class SupportForMatrix
{
    public const int FellsideUrn = 990103;

    public sealed record Ids(int NeedId, int EpisodeId, int NetworkId);

    public static Task<Dictionary<int, Ids>> SeedAsync(StepwiseApp app) => app.QueryAsync(async db =>
    {
        var schools = await db.Schools.IgnoreQueryFilters().ToListAsync();
        var north = schools.First(s => s.Urn == World.NorthPrimaryUrn).TrustId;
        var fellside = schools.FirstOrDefault(s => s.Urn == FellsideUrn);
        if (fellside is null)
        {
            fellside = new School { TrustId = north, Urn = FellsideUrn, Name = "Fellside Primary School", Phase = Phase.Primary, Pupils = 200, LocalAuthority = "Hampshire" };
            db.Schools.Add(fellside);
            await db.SaveChangesAsync();
        }
        var ids = new Dictionary<int, Ids>();
        foreach (var urn in new[] { World.NorthPrimaryUrn, World.NorthSecondaryUrn, World.HarbourUrn })
        {
            var school = schools.First(s => s.Urn == urn);
            var existing = await db.SupportNeeds.IgnoreQueryFilters().Where(n => n.SchoolId == school.Id).Select(n => (int?)n.Id).FirstOrDefaultAsync();
            if (existing is int needId)
            {
                var network = await db.NetworkSchools.IgnoreQueryFilters().Where(m => m.SchoolId == school.Id).Select(m => m.NetworkId).FirstAsync();
                var episode = await db.SupportEpisodes.IgnoreQueryFilters().Where(e => e.ReceiverSchoolId == school.Id || (urn == World.HarbourUrn && e.GiverSchoolId == fellside.Id))
                    .Select(e => e.Id).FirstAsync();
                ids[urn] = new Ids(needId, episode, network);
                continue;
            }
            var area = await db.FrameworkAreas.IgnoreQueryFilters().Where(a => a.TrustId == school.TrustId).OrderBy(a => a.Id).FirstAsync();
            var need = new SupportNeed
            {
                TrustId = school.TrustId, SchoolId = school.Id, FrameworkAreaId = area.Id, Description = "Help with reading.", RaisedOn = new DateOnly(2026, 11, 2),
                RaisedBy = "Test", CreatedAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
            };
            var net = new Network { TrustId = school.TrustId, Name = $"Network of {urn}", CreatedAt = need.CreatedAt, CreatedBy = "Test" };
            db.AddRange(need, net);
            await db.SaveChangesAsync();
            db.NetworkSchools.Add(new NetworkSchool { TrustId = school.TrustId, NetworkId = net.Id, SchoolId = school.Id });
            var episodeId = 0;
            if (school.TrustId == north)
            {
                var receive = new SupportEpisode
                {
                    TrustId = north, GiverSchoolId = fellside.Id, ReceiverSchoolId = school.Id, FrameworkAreaId = area.Id, StartsOn = new DateOnly(2026, 11, 9),
                    EndsOn = new DateOnly(2026, 12, 11), People = "Test", AgreedAt = need.CreatedAt, AgreedBy = "Test",
                };
                db.SupportEpisodes.Add(receive);
                await db.SaveChangesAsync();
                episodeId = receive.Id;
            }
            await db.SaveChangesAsync();
            ids[urn] = new Ids(need.Id, episodeId, net.Id);
        }
        ids[World.HarbourUrn] = ids[World.HarbourUrn] with { EpisodeId = ids[World.NorthSecondaryUrn].EpisodeId };
        return ids;
    });
}
