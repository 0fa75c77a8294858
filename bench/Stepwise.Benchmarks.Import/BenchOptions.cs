using System.Globalization;

namespace Stepwise.Benchmarks.Import;

/// <summary>--rows N (default 1,000,000), --periods N weeks per pupil (default 100), --database sqlite|postgres|both, --attempts N (default 3), --keep.</summary>
public sealed record BenchOptions(int Rows, int Periods, bool Sqlite, bool Postgres, bool Keep, int Attempts)
{
    public static BenchOptions? Parse(string[] args)
    {
        var rows = 1_000_000;
        var periods = 100;
        var database = Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES") is { Length: > 0 } ? "both" : "sqlite";
        var keep = false;
        var attempts = 3;
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--rows" when int.TryParse(Next()?.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0:
                    rows = r;
                    break;
                case "--periods" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 500:
                    periods = p;
                    break;
                case "--database" when Next() is "sqlite" or "postgres" or "both":
                    database = args[i];
                    break;
                case "--attempts" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a is > 0 and <= 20:
                    attempts = a;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    return null;
            }
        }
        return new BenchOptions(rows, periods, database is "sqlite" or "both", database is "postgres" or "both", keep, attempts);
    }
}

/// <summary>One line of the results table.</summary>
public sealed record Result(string Database, string Loader, int Rows, double Seconds, double? Ratio = null, string? Phases = null)
{
    public double RowsPerSecond => Rows / Seconds;
}
