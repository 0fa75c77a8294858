using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Support;

public sealed record NetworkInput
{
    public string? Name { get; init; }
    public string? Purpose { get; init; }

    /// <summary>The member schools' URNs.</summary>
    public List<int>? Schools { get; init; }
}

public sealed record NetworkMember(int Urn, string Name);

/// <param name="Members">The member schools the reader may see.</param>
public sealed record NetworkView(int Id, string Name, string? Purpose, IReadOnlyList<NetworkMember> Members, int Episodes, int Rounds, int Teams, bool CanEdit);

/// <summary>
/// Networks of the trust's schools: trust leaders (BrokerSupport) form them and choose their members; whoever may see
/// a member school sees the network, with the members they may see. Rounds, learning teams and episodes can belong to one.
/// </summary>
public sealed class Networks(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<List<NetworkView>> ListAsync(CancellationToken ct)
    {
        var networks = await db.Networks.AsNoTracking().Where(n => n.ArchivedAt == null).OrderBy(n => n.Name).ToListAsync(ct);
        var views = new List<NetworkView>();
        foreach (var network in networks)
        {
            if (await ViewAsync(network, ct) is { } view)
            {
                views.Add(view);
            }
        }
        return views;
    }

    public async Task<NetworkView?> OneAsync(int networkId, CancellationToken ct) =>
        await db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Id == networkId, ct) is { } network ? await ViewAsync(network, ct) : null;

    public async Task<Outcome<Network>> FormAsync(NetworkInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            return Outcome<Network>.Forbidden();
        }
        var problems = new Problems().Require("name", input.Name, "Name", 120).Optional("purpose", input.Purpose, "Purpose", 1000);
        if (Text.Clean(input.Name) is { } name && await db.Networks.AnyAsync(n => n.Name == name, ct))
        {
            problems.Add("name", $"Your trust already has a network called \"{name}\".");
        }
        var schools = await SchoolsAsync(input.Schools, problems, ct);
        if (problems.Any)
        {
            return Outcome<Network>.Invalid(problems);
        }
        var network = new Network { Name = input.Name!.Trim(), Purpose = Text.Clean(input.Purpose), CreatedAt = clock.UtcNow(), CreatedBy = await ActingPerson.NameAsync(db, ct) };
        db.Networks.Add(network);
        await db.SaveChangesAsync(ct);
        db.NetworkSchools.AddRange(schools.Select(id => new NetworkSchool { NetworkId = network.Id, SchoolId = id }));
        await db.SaveChangesAsync(ct);
        return Outcome<Network>.Ok(network);
    }

    /// <summary>Sets the network's members to exactly these schools.</summary>
    public async Task<Outcome<Network>> MembersAsync(int networkId, NetworkInput input, CancellationToken ct)
    {
        var network = await db.Networks.FirstOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null || await ViewAsync(network, ct) is null)
        {
            return Outcome<Network>.NotFound();
        }
        if (!await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            return Outcome<Network>.Forbidden();
        }
        var problems = new Problems();
        var schools = await SchoolsAsync(input.Schools, problems, ct);
        if (problems.Any)
        {
            return Outcome<Network>.Invalid(problems);
        }
        var current = await db.NetworkSchools.Where(m => m.NetworkId == networkId).ToListAsync(ct);
        db.NetworkSchools.RemoveRange(current.Where(m => !schools.Contains(m.SchoolId)));
        db.NetworkSchools.AddRange(schools.Where(id => current.All(m => m.SchoolId != id)).Select(id => new NetworkSchool { NetworkId = networkId, SchoolId = id }));
        await db.SaveChangesAsync(ct);
        return Outcome<Network>.Ok(network);
    }

    /// <summary>The networks a round, team or episode can be put in: every open network of the trust, by name.</summary>
    public async Task<List<(int Id, string Name)>> ChoicesAsync(CancellationToken ct) =>
        (await db.Networks.AsNoTracking().Where(n => n.ArchivedAt == null).OrderBy(n => n.Name).Select(n => new { n.Id, n.Name }).ToListAsync(ct)).Select(n => (n.Id, n.Name)).ToList();

    private async Task<List<int>> SchoolsAsync(List<int>? urns, Problems problems, CancellationToken ct)
    {
        var wanted = (urns ?? []).Distinct().ToList();
        var found = await db.Schools.Where(s => wanted.Contains(s.Urn) && s.ArchivedAt == null).ToDictionaryAsync(s => s.Urn, s => s.Id, ct);
        foreach (var missing in wanted.Where(u => !found.ContainsKey(u)))
        {
            problems.Add("schools", $"There is no school with URN {missing} in your trust.");
        }
        if (wanted.Count < 2 && found.Count == wanted.Count)
        {
            problems.Add("schools", "Choose at least two schools: a network joins schools.");
        }
        return found.Values.ToList();
    }

    private async Task<NetworkView?> ViewAsync(Network network, CancellationToken ct)
    {
        var broker = await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct);
        var visible = await access.SchoolIdsAsync(Permission.ViewSchool, ct);
        var members = await db.NetworkSchools.AsNoTracking().Where(m => m.NetworkId == network.Id)
            .Join(db.Schools, m => m.SchoolId, s => s.Id, (m, s) => new { s.Id, s.Urn, s.Name }).OrderBy(s => s.Name).ToListAsync(ct);
        var seen = members.Where(m => visible is null || visible.Contains(m.Id)).ToList();
        if (!broker && seen.Count == 0)
        {
            return null;
        }
        return new NetworkView(network.Id, network.Name, network.Purpose, seen.Select(m => new NetworkMember(m.Urn, m.Name)).ToList(),
            await db.SupportEpisodes.CountAsync(e => e.NetworkId == network.Id, ct),
            await db.Rounds.CountAsync(r => r.NetworkId == network.Id, ct),
            await db.LearningTeams.CountAsync(t => t.NetworkId == network.Id, ct),
            broker);
    }
}

public sealed record CapacityInput(int? EpisodesPerTerm, string? Note);

/// <summary>Sets how many episodes a school can give in a term (BrokerSupport).</summary>
public sealed class SetCapacity(AppDbContext db, AccessControl access)
{
    public async Task<Outcome<SupportCapacity>> HandleAsync(int urn, CapacityInput input, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null || !await access.CanAsync(Permission.RaiseSupportNeeds, school.Id, ct))
        {
            return Outcome<SupportCapacity>.NotFound();
        }
        if (!await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            return Outcome<SupportCapacity>.Forbidden();
        }
        var problems = new Problems().Optional("note", input.Note, "Note", 1000);
        if (input.EpisodesPerTerm is not (>= 0 and <= 20))
        {
            problems.Add("episodesPerTerm", "Enter how many episodes the school can give in a term, from 0 to 20.");
        }
        if (problems.Any)
        {
            return Outcome<SupportCapacity>.Invalid(problems);
        }
        var capacity = await db.SupportCapacities.FirstOrDefaultAsync(c => c.SchoolId == school.Id, ct);
        if (capacity is null)
        {
            capacity = new SupportCapacity { SchoolId = school.Id };
            db.SupportCapacities.Add(capacity);
        }
        (capacity.EpisodesPerTerm, capacity.Note) = (input.EpisodesPerTerm!.Value, Text.Clean(input.Note));
        await db.SaveChangesAsync(ct);
        return Outcome<SupportCapacity>.Ok(capacity);
    }
}
