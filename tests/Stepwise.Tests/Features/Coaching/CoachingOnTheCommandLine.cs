using System.Net;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Coaching;

/// <summary>`stepwise coaching overview [--school URN]` prints a school's counts, from three pairs, and never a pair's words; an unknown URN is bad usage.</summary>
public abstract class CoachingOnTheCommandLine(StepwiseApp app)
{
    private (Dictionary<string, string> Environment, string[] Data) Where() => app.Database is SqliteTestDatabase sqlite
        ? ([], ["--data", sqlite.Folder])
        : (new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = app.Database.ConnectionString }, []);

    [Fact]
    public async Task Coaching_overview_prints_counts_only_from_three_pairs_and_never_a_pairs_words()
    {
        app.EnsureAvailable();
        await CoachingSeed.PeopleAsync(app);
        var s = CoachingSeed.SecondaryStaff;
        await CoachingSeed.PairAsync(app, World.NorthSecondaryUrn, World.SecondaryHead, s[0], s[1], "CLI private step one", "CLI private note");
        await CoachingSeed.PairAsync(app, World.NorthSecondaryUrn, World.SecondaryHead, s[2], s[3], "CLI private step two");
        var (environment, data) = Where();

        var two = await StepwiseProcess.RunWithAsync(environment, ["coaching", "overview", "--school", $"{World.NorthSecondaryUrn}", .. data]);
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Contains("Northgate Academy (990102), North Star Learning Trust", two.Out, StringComparison.Ordinal);
        Assert.Contains("Counts show when 3 or more pairs are coaching (2 now).", two.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour", two.Out, StringComparison.Ordinal);

        await CoachingSeed.PairAsync(app, World.NorthSecondaryUrn, World.SecondaryHead, s[4], s[5], "CLI private step three");
        var three = await StepwiseProcess.RunWithAsync(environment, ["coaching", "overview", .. data]);
        Assert.True(three.ExitCode == 0, three.ToString());
        Assert.Contains("  3 active pairs: 3 teachers coached, 3 coaches", three.Out, StringComparison.Ordinal);
        Assert.Contains("  Steps due in the next 7 days: 0", three.Out, StringComparison.Ordinal);
        Assert.Contains("Harbour Primary School (990201), Harbour Schools Trust", three.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CLI private", three.Out, StringComparison.Ordinal);

        var unknown = await StepwiseProcess.RunWithAsync(environment, ["coaching", "overview", "--school", "123", .. data]);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.StartsWith("stepwise: --school: there is no school with URN 123.", unknown.Error, StringComparison.Ordinal);
    }
}

public sealed class CoachingOnTheCommandLineOnSqlite(SqliteApp app) : CoachingOnTheCommandLine(app), IClassFixture<SqliteApp>;

public sealed class CoachingOnTheCommandLineOnPostgres(PostgresApp app) : CoachingOnTheCommandLine(app), IClassFixture<PostgresApp>;
