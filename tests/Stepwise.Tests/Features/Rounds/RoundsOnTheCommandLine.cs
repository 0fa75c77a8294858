using Stepwise.Features.Rounds;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Rounds;

/// <summary>`stepwise rounds list [--school URN] [--csv]` lists the rounds the pages list, read by the same use case.</summary>
public abstract class RoundsOnTheCommandLine(StepwiseApp app)
{
    private (Dictionary<string, string> Environment, string[] Data) Where() => app.Database is SqliteTestDatabase sqlite
        ? ([], ["--data", sqlite.Folder])
        : (new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = app.Database.ConnectionString }, []);

    [Fact]
    public async Task Rounds_list_prints_the_rounds_and_one_schools_with_school()
    {
        app.EnsureAvailable();
        await RoundSeed.RoundAsync(app, [World.NorthPrimaryUrn, World.NorthSecondaryUrn], RoundStage.Debrief, classrooms: 6, title: "Network round (CLI)");
        await RoundSeed.RoundAsync(app, [World.NorthSecondaryUrn], RoundStage.Planned, title: "Secondary round (CLI)");
        var (environment, data) = Where();
        var table = await StepwiseProcess.RunWithAsync(environment, ["rounds", "list", .. data]);
        Assert.True(table.ExitCode == 0, table.ToString());
        var line = table.Out.Split('\n').Single(l => l.Contains("Network round (CLI)", StringComparison.Ordinal));
        Assert.Contains("debrief", line, StringComparison.Ordinal);
        Assert.Contains("6/5", line, StringComparison.Ordinal);
        Assert.Contains("[network]", line, StringComparison.Ordinal);

        var primary = await StepwiseProcess.RunWithAsync(environment, ["rounds", "list", "--school", $"{World.NorthPrimaryUrn}", "--csv", .. data]);
        Assert.True(primary.ExitCode == 0, primary.ToString());
        var lines = primary.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Round,Date,Title,Schools,Network,Stage,Classrooms visited,Minimum", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Network round (CLI),", StringComparison.Ordinal) && l.EndsWith(",yes,debrief,6,5", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Secondary round (CLI)", StringComparison.Ordinal));

        var unknown = await StepwiseProcess.RunWithAsync(environment, ["rounds", "list", "--school", "123", .. data]);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("--school: there is no school with URN 123.", unknown.Error, StringComparison.Ordinal);
    }
}

public sealed class RoundsOnTheCommandLineOnSqlite(SqliteApp app) : RoundsOnTheCommandLine(app), IClassFixture<SqliteApp>;

public sealed class RoundsOnTheCommandLineOnPostgres(PostgresApp app) : RoundsOnTheCommandLine(app), IClassFixture<PostgresApp>;
