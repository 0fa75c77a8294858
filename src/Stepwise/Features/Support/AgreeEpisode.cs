using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Support;

/// <summary>What a trust leader sends to agree an episode: from a need (its school, area and measure) or directly.</summary>
public sealed record EpisodeInput
{
    /// <summary>The need it answers, if any: its school receives, in its area and on its measure.</summary>
    public int? Need { get; init; }

    /// <summary>The giver's URN.</summary>
    public int? Giver { get; init; }

    /// <summary>The receiver's URN (the need's school when there is a need).</summary>
    public int? Receiver { get; init; }

    public string? Area { get; init; }
    public string? Framework { get; init; }
    public string? Metric { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public string? People { get; init; }
    public string? Aims { get; init; }

    /// <summary>The network it belongs to, by id (optional).</summary>
    public int? Network { get; init; }
}

public sealed record ImpactInput(string? Note);

/// <summary>
/// Agrees, ends and records the impact of support episodes (BrokerSupport: trust leaders decide). An episode is
/// refused when its giver already gives its capacity in the term it starts in; the impact is read from the receiver's
/// data (<see cref="EpisodeImpact"/>) and stored with who recorded it.
/// </summary>
public sealed class AgreeEpisode(AppDbContext db, AccessControl access, RaiseNeed needs, TimeProvider clock)
{
    public async Task<Outcome<SupportEpisode>> HandleAsync(EpisodeInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            return Outcome<SupportEpisode>.Forbidden();
        }
        var problems = new Problems();
        SupportNeed? need = null;
        if (input.Need is int needId)
        {
            need = await db.SupportNeeds.FirstOrDefaultAsync(n => n.Id == needId, ct);
            if (need is null)
            {
                problems.Add("need", $"There is no need {needId} in your trust.");
            }
            else if (need.Status != SupportNeedStatus.Open)
            {
                problems.Add("need", $"That need is {Codes.Of(need.Status)}: only an open need can be given support.");
            }
        }
        var giver = input.Giver is int g ? await db.Schools.FirstOrDefaultAsync(s => s.Urn == g && s.ArchivedAt == null, ct) : null;
        if (giver is null)
        {
            problems.Add("giver", input.Giver is null ? "Choose the school that gives the support." : $"There is no school with URN {input.Giver} in your trust.");
        }
        var receiver = need is not null ? await db.Schools.FirstAsync(s => s.Id == need.SchoolId, ct)
            : input.Receiver is int r ? await db.Schools.FirstOrDefaultAsync(s => s.Urn == r && s.ArchivedAt == null, ct) : null;
        if (receiver is null && need is null && input.Need is null)
        {
            problems.Add("receiver", input.Receiver is null ? "Choose the school that receives the support." : $"There is no school with URN {input.Receiver} in your trust.");
        }
        if (giver is not null && receiver is not null && giver.Id == receiver.Id)
        {
            problems.Add("giver", $"{giver.Name} cannot give support to itself: choose another school.");
        }
        var areaId = need?.FrameworkAreaId ?? (input.Need is null ? (await needs.AreaAsync(input.Framework, input.Area, problems, ct))?.Id : null);
        var metric = need is not null ? need.MetricKey : await needs.MetricAsync(input.Metric, problems, ct);
        if (input.StartsOn is null)
        {
            problems.Add("startsOn", "Enter the day the support starts.");
        }
        if (input.EndsOn is null)
        {
            problems.Add("endsOn", "Enter the day the support ends.");
        }
        else if (input.StartsOn is DateOnly s && input.EndsOn < s)
        {
            problems.Add("endsOn", "The support must end on or after the day it starts.");
        }
        problems.Require("people", input.People, "Who gives and who receives", 1000);
        problems.Optional("aims", input.Aims, "Aims", 2000);
        if (input.Network is int networkId && !await db.Networks.AnyAsync(n => n.Id == networkId && n.ArchivedAt == null, ct))
        {
            problems.Add("network", $"There is no network {networkId} in your trust.");
        }
        if (giver is not null && input.StartsOn is DateOnly starts)
        {
            var capacity = await SupportCapacities.ThisTermAsync(db, starts, ct);
            var (perTerm, giving) = capacity.GetValueOrDefault(giver.Id, (SupportRules.DefaultEpisodesPerTerm, 0));
            if (giving >= perTerm)
            {
                problems.Add("giver", $"{giver.Name} already gives {giving} episode{(giving == 1 ? "" : "s")} in {SupportCapacities.TermName(starts)}, its capacity of {perTerm}: choose another school or change its capacity.");
            }
        }
        if (problems.Any)
        {
            return Outcome<SupportEpisode>.Invalid(problems);
        }
        var episode = new SupportEpisode
        {
            SupportNeedId = need?.Id, GiverSchoolId = giver!.Id, ReceiverSchoolId = receiver!.Id, FrameworkAreaId = areaId!.Value, MetricKey = metric,
            StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, People = input.People!.Trim(), Aims = Text.Clean(input.Aims), NetworkId = input.Network,
            Status = SupportEpisodeStatus.Agreed, AgreedAt = clock.UtcNow(), AgreedBy = await ActingPerson.NameAsync(db, ct),
        };
        db.SupportEpisodes.Add(episode);
        await db.SaveChangesAsync(ct);
        return Outcome<SupportEpisode>.Ok(episode);
    }

    /// <summary>Ends an agreed episode (today, if it was to run longer).</summary>
    public async Task<Outcome<SupportEpisode>> EndAsync(int episodeId, CancellationToken ct)
    {
        if (await FindAsync(episodeId, ct) is not { } found)
        {
            return Outcome<SupportEpisode>.NotFound();
        }
        if (found.Value is not { } episode)
        {
            return found;
        }
        if (episode.Status != SupportEpisodeStatus.Agreed)
        {
            return Outcome<SupportEpisode>.Invalid(new Problems().Add("status", $"The episode is already {Codes.Of(episode.Status)}."));
        }
        var today = clock.Today();
        episode.Status = SupportEpisodeStatus.Ended;
        if (episode.EndsOn > today && episode.StartsOn <= today)
        {
            episode.EndsOn = today;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<SupportEpisode>.Ok(episode);
    }

    /// <summary>Reads the impact from the receiver's data now and records it, with a note.</summary>
    public async Task<Outcome<SupportEpisode>> RecordImpactAsync(int episodeId, ImpactInput input, CancellationToken ct)
    {
        if (await FindAsync(episodeId, ct) is not { } found)
        {
            return Outcome<SupportEpisode>.NotFound();
        }
        if (found.Value is not { } episode)
        {
            return found;
        }
        var problems = new Problems().Optional("note", input.Note, "Note", 2000);
        if (episode.Status == SupportEpisodeStatus.Cancelled)
        {
            problems.Add("status", "The episode was cancelled: there is no impact to record.");
        }
        if (problems.Any)
        {
            return Outcome<SupportEpisode>.Invalid(problems);
        }
        var read = await EpisodeImpact.ReadAsync(db, episode, ct);
        (episode.Impact, episode.ImpactSentence, episode.ImpactNote) = (read.Impact, read.Sentence, Text.Clean(input.Note));
        (episode.ImpactRecordedAt, episode.ImpactRecordedBy) = (clock.UtcNow(), await ActingPerson.NameAsync(db, ct));
        await db.SaveChangesAsync(ct);
        return Outcome<SupportEpisode>.Ok(episode);
    }

    /// <summary>Not found when the person may not see the episode; forbidden when they may see but not decide.</summary>
    private async Task<Outcome<SupportEpisode>?> FindAsync(int episodeId, CancellationToken ct)
    {
        var episode = await db.SupportEpisodes.FirstOrDefaultAsync(e => e.Id == episodeId, ct);
        if (episode is null)
        {
            return null;
        }
        if (await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            return Outcome<SupportEpisode>.Ok(episode);
        }
        var sees = await access.CanAsync(Permission.RaiseSupportNeeds, episode.GiverSchoolId, ct) || await access.CanAsync(Permission.RaiseSupportNeeds, episode.ReceiverSchoolId, ct);
        return sees ? Outcome<SupportEpisode>.Forbidden() : null;
    }
}
