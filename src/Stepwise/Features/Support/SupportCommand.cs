using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Support;

/// <summary>
/// `stepwise support balance | episodes [--school URN] | suggest --need ID`: what every trust's schools give and
/// receive, the episodes, and the givers suggested for a need — read by the pages' use cases.
/// </summary>
public static class SupportCommand
{
    public static Command Create()
    {
        var balance = new Command("balance", "What each school gives and receives, and its capacity this term");
        balance.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", (services, token) =>
            EachTrustAsync(services, token, async (trust, s) =>
            {
                foreach (var b in await s.GetRequiredService<ReadSupport>().BalanceAsync(token))
                {
                    Console.WriteLine($"{b.Name} ({b.Urn}), {trust}: gives {b.Balance.Gives}{In(b.Balance.GivesIn)}; receives {b.Balance.Receives}{In(b.Balance.ReceivesIn)}; "
                        + $"{b.GivingThisTerm} of {b.EpisodesPerTerm} this term{(b.Balance.Both ? "" : "; does not yet both give and receive")}");
                }
            }), ct));

        var school = new Option<int?>("--school") { Description = "One school only, by URN, as giver or receiver (default: every school)" };
        var episodes = new Command("episodes", "List the support episodes: giver, receiver, area, dates, status, impact") { school };
        episodes.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", (services, token) =>
            EachTrustAsync(services, token, async (trust, s) =>
            {
                foreach (var e in await s.GetRequiredService<ReadSupport>().EpisodesAsync(parsed.GetValue(school), null, token))
                {
                    Console.WriteLine($"{e.StartsOn:yyyy-MM-dd}–{e.EndsOn:yyyy-MM-dd}  {e.GiverName} ({e.GiverUrn}) gives to {e.ReceiverName} ({e.ReceiverUrn}), {trust}  [{e.Status}]");
                    Console.WriteLine($"     {e.AreaName}{(e.MetricName is null ? "" : $", {e.MetricName}")}; impact: {e.Impact ?? "not recorded"}{(e.ImpactSentence is null ? "" : $" — {e.ImpactSentence}")}");
                }
            }), ct));

        var need = new Option<int>("--need") { Description = "The need's id", Required = true };
        var suggest = new Command("suggest", "The givers suggested for a need, with their reasons and capacity left this term") { need };
        suggest.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var id = parsed.GetValue(need);
            var db = services.GetRequiredService<AppDbContext>();
            var trustId = await db.SupportNeeds.IgnoreQueryFilters().Where(n => n.Id == id).Select(n => (int?)n.TrustId).FirstOrDefaultAsync(token)
                ?? throw new CliError($"--need: there is no need {id}.", CliError.Usage);
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "command line");
            var suggestions = (await services.GetRequiredService<SuggestGivers>().HandleAsync(id, token)).Value!;
            Console.WriteLine($"{suggestions.Need.SchoolName}: {suggestions.Need.AreaName}{(suggestions.Need.MetricName is null ? "" : $", {suggestions.Need.MetricName}")}");
            foreach (var g in suggestions.Givers)
            {
                Console.WriteLine($"  {g.GiverName} ({g.GiverUrn}): score {g.Score}, {g.CapacityLeft} left in {suggestions.Term}");
                foreach (var r in g.Reasons)
                {
                    Console.WriteLine($"     {r.Sentence}");
                }
            }
            foreach (var f in suggestions.AtCapacity)
            {
                Console.WriteLine($"  Not suggested: {f.Sentence}");
            }
            return CliError.Ok;
        }, ct));
        return new Command("support", "Support between the trust's schools") { balance, episodes, suggest };
    }

    private static string In(IReadOnlyList<string> areas) => areas.Count == 0 ? "" : $" ({string.Join(", ", areas)})";

    private static async Task<int> EachTrustAsync(IServiceProvider services, CancellationToken ct, Func<string, IServiceProvider, Task> each)
    {
        var db = services.GetRequiredService<AppDbContext>();
        foreach (var trust in await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
        {
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
            await each(trust.Name, services);
        }
        return CliError.Ok;
    }
}
