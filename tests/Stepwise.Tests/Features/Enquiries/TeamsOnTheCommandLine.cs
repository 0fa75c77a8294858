using System.Net;
using Stepwise.Features.Enquiries;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// Issue 19 on the command line: `stepwise teams list [--trust] [--csv]` and `stepwise enquiries list [--csv]` list what
/// the pages list, read by the same use cases; each has its --help; an unknown trust is bad usage (exit code 2).
/// </summary>
public abstract class TeamsOnTheCommandLine(StepwiseApp app)
{
    private (Dictionary<string, string> Environment, string[] Data) Where() => app.Database is SqliteTestDatabase sqlite
        ? ([], ["--data", sqlite.Folder])
        : (new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = app.Database.ConnectionString }, []);

    [Fact]
    public async Task Teams_list_and_enquiries_list_print_the_trusts_teams_and_enquiries_as_a_table_or_csv()
    {
        app.EnsureAvailable();
        var leader = await app.ClientForAsync(World.NorthLeader);
        var team = await (await leader.PostJsonAsync("/api/teams", new
        {
            name = "Transition network (CLI)", unitIds = new[] { app.World.Units["primary-year6"].Id, app.World.Units["secondary-whole"].Id }, members = new[] { World.PrimaryTeacher },
        })).ReadJsonAsync(HttpStatusCode.Created);
        await (await (await app.ClientForAsync(World.HarbourHead)).PostJsonAsync("/api/teams", new { name = "Harbour SEND team (CLI)", unitIds = new[] { app.World.Units["harbour-send"].Id } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var trustId = app.World.North.Id;
        var schoolId = app.World.School(World.NorthSecondaryUrn).Id;
        await app.QueryAsync(async db =>
        {
            db.Enquiries.Add(new Enquiry
            {
                TrustId = trustId, TeamId = (int)team["id"]!, SchoolId = schoolId, Title = "Reading at transition (CLI)", ProblemOfPractice = "Year 7 reading ages fall",
                Aim = "Year 7 reading ages at least their age by July", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var (environment, data) = Where();

        var table = await StepwiseProcess.RunWithAsync(environment, ["teams", "list", .. data]);
        Assert.True(table.ExitCode == 0, table.ToString());
        var line = table.Out.Split('\n').Single(l => l.StartsWith("Transition network (CLI)", StringComparison.Ordinal));
        Assert.Contains("Northgate Academy, Northgate Primary School (North Star Learning Trust) [network]", line, StringComparison.Ordinal);
        Assert.Contains("Harbour SEND team (CLI)", table.Out, StringComparison.Ordinal);

        var csv = await StepwiseProcess.RunWithAsync(environment, ["teams", "list", "--trust", "North Star Learning Trust", "--csv", .. data]);
        Assert.True(csv.ExitCode == 0, csv.ToString());
        var lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Trust,Team,Schools,Network,Improvement team,Members,Enquiries,Archived", lines[0]);
        Assert.Contains($"North Star Learning Trust,Transition network (CLI),Northgate Academy ({World.NorthSecondaryUrn}); Northgate Primary School ({World.NorthPrimaryUrn}),yes,no,2,1,no", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Harbour", StringComparison.Ordinal));

        var unknown = await StepwiseProcess.RunWithAsync(environment, ["teams", "list", "--trust", "Nowhere Trust", .. data]);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.StartsWith("stepwise: --trust: There is no trust called \"Nowhere Trust\".", unknown.Error, StringComparison.Ordinal);

        var enquiries = await StepwiseProcess.RunWithAsync(environment, ["enquiries", "list", "--csv", .. data]);
        Assert.True(enquiries.ExitCode == 0, enquiries.ToString());
        var enquiryLines = enquiries.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Enquiry,Team,Network,School URN,School,Aim,Progress score,Progress,Why,Cycles,Latest decision,Outcome reading", enquiryLines[0]);
        Assert.StartsWith($"Reading at transition (CLI),Transition network (CLI),yes,{World.NorthSecondaryUrn},Northgate Academy,", enquiryLines.Single(l => l.StartsWith("Reading at transition", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",0,,no-data", enquiryLines.Single(l => l.StartsWith("Reading at transition", StringComparison.Ordinal)), StringComparison.Ordinal);

        var enquiryTable = await StepwiseProcess.RunWithAsync(environment, ["enquiries", "list", .. data]);
        Assert.True(enquiryTable.ExitCode == 0, enquiryTable.ToString());
        Assert.Contains("Reading at transition (CLI) — Transition network (CLI) [network], Northgate Academy", enquiryTable.Out, StringComparison.Ordinal);
        Assert.Contains("0 cycles, latest decision none, outcome measure no-data", enquiryTable.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_verb_says_what_it_does_with_help()
    {
        app.EnsureAvailable();
        var teams = await StepwiseProcess.RunAsync("teams", "list", "--help");
        Assert.True(teams.ExitCode == 0, teams.ToString());
        Assert.Contains("List the learning teams", teams.Out, StringComparison.Ordinal);
        Assert.Contains("--trust", teams.Out, StringComparison.Ordinal);
        Assert.Contains("--csv", teams.Out, StringComparison.Ordinal);
        var enquiries = await StepwiseProcess.RunAsync("enquiries", "list", "--help");
        Assert.True(enquiries.ExitCode == 0, enquiries.ToString());
        Assert.Contains("progress score", enquiries.Out, StringComparison.Ordinal);
        var root = await StepwiseProcess.RunAsync("--help");
        Assert.Contains("teams", root.Out, StringComparison.Ordinal);
        Assert.Contains("enquiries", root.Out, StringComparison.Ordinal);
    }
}

public sealed class TeamsOnTheCommandLineOnSqlite(SqliteApp app) : TeamsOnTheCommandLine(app), IClassFixture<SqliteApp>;

public sealed class TeamsOnTheCommandLineOnPostgres(PostgresApp app) : TeamsOnTheCommandLine(app), IClassFixture<PostgresApp>;
