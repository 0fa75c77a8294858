using System.CommandLine;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Schools;

/// <summary>`stepwise schools add --urn URN --trust NAME`: adds a school, filled from the national register where it holds the URN.</summary>
public static class CreateSchoolCommand
{
    public static Command Create()
    {
        var urn = new Option<string>("--urn") { Description = "The school's URN (6 digits)", Required = true };
        var trust = new Option<string>("--trust") { Description = "The trust's name", Required = true };
        var name = new Option<string?>("--name") { Description = "The school's name (default: the register's)" };
        var phase = new Option<string?>("--phase") { Description = $"One of {Codes.List<Phase>()} (default: the register's)" };
        var add = new Command("add", "Add a school to a trust by its URN; what the national register says fills the rest (import it first with `stepwise import register`)")
        {
            urn, trust, name, phase,
        };
        add.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var (trustId, problem) = await CreateTrust.FindByNameAsync(services.GetRequiredService<AppDbContext>(), parsed.GetValue(trust)!, token);
            if (trustId is not int id)
            {
                throw new CliError(problem!, CliError.Usage);
            }
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(id, "command line");
            var outcome = await services.GetRequiredService<SaveSchool>().CreateAsync(
                new SchoolInput { Urn = parsed.GetValue(urn), Name = parsed.GetValue(name), Phase = parsed.GetValue(phase) }, token);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                throw new CliError(string.Join(" ", outcome.Errors.SelectMany(e => e.Value.Select(m => $"--{e.Key}: {m}")))
                    + (outcome.Errors.ContainsKey("name") ? " (the register does not hold this URN: give --name and --phase)" : ""), CliError.Usage);
            }
            var school = outcome.Value!;
            Console.WriteLine($"Added {school.Name} (URN {school.Urn}, {school.Phase}) to {parsed.GetValue(trust)!.Trim()}.");
            return CliError.Ok;
        }, ct));
        return new Command("schools", "Add schools to a trust") { add };
    }
}
