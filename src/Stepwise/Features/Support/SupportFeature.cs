using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stepwise.Common;

namespace Stepwise.Features.Support;

/// <summary>Support between the trust's schools: needs, giver suggestions, support episodes with their impact, capacities and networks.</summary>
public static class SupportFeature
{
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.TryAddScoped<ReadSupportBalance>();
        services.TryAddScoped<ReadSupport>();
        services.TryAddScoped<SuggestGivers>();
        services.TryAddScoped<RaiseNeed>();
        services.TryAddScoped<AgreeEpisode>();
        services.TryAddScoped<Networks>();
        services.TryAddScoped<SetCapacity>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/support").WithTags("Support").RequireAuthorization();
        api.MapGet("/needs", NeedsAsync).WithSummary("The needs the caller may see, latest first (school: by URN; status: open, met or withdrawn)")
            .WithDescription("Trust leaders see every need; a school's leaders their school's.");
        api.MapPost("/needs", RaiseAsync).WithSummary("Raise a need: school (URN), area (key in the framework; default the Ofsted framework), metric (key, optional), description");
        api.MapGet("/needs/{needId:int}", NeedAsync).WithSummary("One need, with the episodes agreed for it");
        api.MapPut("/needs/{needId:int}/status", StatusAsync).WithSummary("Set a need's status: open, met or withdrawn");
        api.MapGet("/needs/{needId:int}/suggestions", SuggestAsync)
            .WithSummary("Givers suggested for a need (trust leaders): each with giverUrn, receiverUrn, reasons in sentences, score, similar, capacity left this term; and the strong schools left out because they are at capacity");
        api.MapGet("/episodes", EpisodesAsync).WithSummary("The support episodes the caller may see, latest first, each with giverUrn and receiverUrn (school: by URN, as giver or receiver; need: by id)");
        api.MapGet("/episodes.csv", CsvAsync).WithSummary("The same episodes as CSV");
        api.MapPost("/episodes", AgreeAsync)
            .WithSummary("Agree an episode (trust leaders): need (id; its school receives in its area and on its measure) or receiver (URN), area and metric; giver (URN), startsOn, endsOn, people, aims, network (id)");
        api.MapGet("/episodes/{episodeId:int}", EpisodeAsync).WithSummary("One support episode, with what the caller may do");
        api.MapPost("/episodes/{episodeId:int}/end", EndAsync).WithSummary("End an agreed episode (trust leaders)");
        api.MapPost("/episodes/{episodeId:int}/impact", ImpactAsync)
            .WithSummary("Read the impact from the receiver's data on the measure (a signal within two terms of the start) and record it, with a note (trust leaders)");
        api.MapGet("/balance", BalanceAsync).WithSummary("What each school the caller may see gives and receives, and its capacity this term");
        api.MapPut("/capacities/{urn:int}", CapacityAsync).WithSummary("Set how many episodes a school can give in a term: episodesPerTerm, note (trust leaders)");

        var networks = app.MapGroup("/api/networks").WithTags("Networks").RequireAuthorization();
        networks.MapGet("", NetworksAsync).WithSummary("The networks the caller may see, with the member schools they may see");
        networks.MapPost("", FormAsync).WithSummary("Form a network (trust leaders): name, purpose, schools (URNs, at least two)");
        networks.MapGet("/{networkId:int}", NetworkAsync).WithSummary("One network");
        networks.MapPut("/{networkId:int}/schools", MembersAsync).WithSummary("Set a network's member schools (trust leaders): schools (URNs)");
        return app;
    }

    public sealed record NeedDetail(NeedRow Need, List<EpisodeRow> Episodes);

    private static async Task<Ok<List<NeedRow>>> NeedsAsync(int? school, string? status, ReadSupport read, CancellationToken ct) =>
        TypedResults.Ok(await read.NeedsAsync(school, status, ct));

    private static async Task<Results<Created<NeedRow>, ValidationProblem, NotFound, ForbidHttpResult>> RaiseAsync(NeedInput input, RaiseNeed raise, ReadSupport read, CancellationToken ct) =>
        (await (await raise.HandleAsync(input, ct)).ThenAsync(async n => (await read.NeedAsync(n.Id, ct))!)).ToCreated(n => $"/api/support/needs/{n.Id}");

    private static async Task<Results<Ok<NeedDetail>, NotFound>> NeedAsync(int needId, ReadSupport read, CancellationToken ct) =>
        await read.NeedAsync(needId, ct) is { } need ? TypedResults.Ok(new NeedDetail(need, await read.EpisodesAsync(null, needId, ct))) : TypedResults.NotFound();

    private static async Task<Results<Ok<NeedRow>, ValidationProblem, NotFound, ForbidHttpResult>> StatusAsync(int needId, NeedStatusInput input, RaiseNeed raise, ReadSupport read,
        CancellationToken ct) =>
        (await (await raise.SetStatusAsync(needId, input, ct)).ThenAsync(async n => (await read.NeedAsync(n.Id, ct))!)).ToOk();

    private static async Task<Results<Ok<Suggestions>, ValidationProblem, NotFound, ForbidHttpResult>> SuggestAsync(int needId, SuggestGivers suggest, CancellationToken ct) =>
        (await suggest.HandleAsync(needId, ct)).ToOk();

    private static async Task<Ok<List<EpisodeRow>>> EpisodesAsync(int? school, int? need, ReadSupport read, CancellationToken ct) =>
        TypedResults.Ok(await read.EpisodesAsync(school, need, ct));

    private static async Task<FileContentHttpResult> CsvAsync(int? school, ReadSupport read, CancellationToken ct) =>
        TypedResults.File(ReadSupport.Csv(await read.EpisodesAsync(school, null, ct)), "text/csv", "support-episodes.csv");

    private static async Task<Results<Created<EpisodeView>, ValidationProblem, NotFound, ForbidHttpResult>> AgreeAsync(EpisodeInput input, AgreeEpisode agree, ReadSupport read,
        CancellationToken ct) =>
        (await (await agree.HandleAsync(input, ct)).ThenAsync(async e => (await read.EpisodeAsync(e.Id, ct))!)).ToCreated(e => $"/api/support/episodes/{e.Episode.Id}");

    private static async Task<Results<Ok<EpisodeView>, NotFound>> EpisodeAsync(int episodeId, ReadSupport read, CancellationToken ct) =>
        await read.EpisodeAsync(episodeId, ct) is { } episode ? TypedResults.Ok(episode) : TypedResults.NotFound();

    private static async Task<Results<Ok<EpisodeView>, ValidationProblem, NotFound, ForbidHttpResult>> EndAsync(int episodeId, AgreeEpisode agree, ReadSupport read, CancellationToken ct) =>
        (await (await agree.EndAsync(episodeId, ct)).ThenAsync(async e => (await read.EpisodeAsync(e.Id, ct))!)).ToOk();

    private static async Task<Results<Ok<EpisodeView>, ValidationProblem, NotFound, ForbidHttpResult>> ImpactAsync(int episodeId, ImpactInput input, AgreeEpisode agree, ReadSupport read,
        CancellationToken ct) =>
        (await (await agree.RecordImpactAsync(episodeId, input, ct)).ThenAsync(async e => (await read.EpisodeAsync(e.Id, ct))!)).ToOk();

    private static async Task<Results<Ok<List<BalanceRow>>, ForbidHttpResult>> BalanceAsync(ReadSupport read, CancellationToken ct) =>
        await read.SchoolIdsAsync(ct) is { Count: 0 } ? TypedResults.Forbid() : TypedResults.Ok(await read.BalanceAsync(ct));

    private static async Task<Results<Ok<BalanceRow>, ValidationProblem, NotFound, ForbidHttpResult>> CapacityAsync(int urn, CapacityInput input, SetCapacity set, ReadSupport read,
        CancellationToken ct) =>
        (await (await set.HandleAsync(urn, input, ct)).ThenAsync(async _ => (await read.BalanceAsync(ct)).First(b => b.Urn == urn))).ToOk();

    private static async Task<Ok<List<NetworkView>>> NetworksAsync(Networks networks, CancellationToken ct) => TypedResults.Ok(await networks.ListAsync(ct));

    private static async Task<Results<Created<NetworkView>, ValidationProblem, NotFound, ForbidHttpResult>> FormAsync(NetworkInput input, Networks networks, CancellationToken ct) =>
        (await (await networks.FormAsync(input, ct)).ThenAsync(async n => (await networks.OneAsync(n.Id, ct))!)).ToCreated(n => $"/api/networks/{n.Id}");

    private static async Task<Results<Ok<NetworkView>, NotFound>> NetworkAsync(int networkId, Networks networks, CancellationToken ct) =>
        await networks.OneAsync(networkId, ct) is { } network ? TypedResults.Ok(network) : TypedResults.NotFound();

    private static async Task<Results<Ok<NetworkView>, ValidationProblem, NotFound, ForbidHttpResult>> MembersAsync(int networkId, NetworkInput input, Networks networks,
        CancellationToken ct) =>
        (await (await networks.MembersAsync(networkId, input, ct)).ThenAsync(async n => (await networks.OneAsync(n.Id, ct))!)).ToOk();
}
