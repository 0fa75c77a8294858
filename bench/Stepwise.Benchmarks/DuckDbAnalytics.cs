using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Stepwise.Analytics.Numerics;
using Stepwise.Analytics.Spc;

namespace Stepwise.Benchmarks;

/// <summary>
/// The reference side: the same figures computed by DuckDB (in-process) in SQL from a <c>pupils</c> table loaded
/// beforehand, read back into <see cref="AnalyticsResults"/>. The only C# arithmetic on this side is the Student t
/// quantile for the Welch interval (DuckDB has no t distribution), done with the same
/// <see cref="StudentT.Quantile"/> the library uses, and copying the rows DuckDB returns into arrays.
/// </summary>
public sealed class DuckDbAnalytics : IDisposable
{
    private const double Confidence = 0.95;

    private static readonly string[] GroupPredicates = ["TRUE", "dis", "sen", "eal", "male", "NOT male"];

    private readonly DuckDBConnection connection;

    /// <summary>Opens an in-memory database and loads the rows (not timed).</summary>
    public DuckDbAnalytics(PupilData data, int threads)
    {
        connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute($"SET threads = {threads}");
        Execute("""
            CREATE TABLE pupils (
                school INTEGER NOT NULL, year INTEGER NOT NULL, score DOUBLE,
                dis BOOLEAN NOT NULL, sen BOOLEAN NOT NULL, eal BOOLEAN NOT NULL, male BOOLEAN NOT NULL,
                possible INTEGER NOT NULL, absent INTEGER NOT NULL)
            """);
        using (var appender = connection.CreateAppender("pupils"))
        {
            for (var i = 0; i < data.Count; i++)
            {
                var f = data.Flags[i];
                var row = appender.CreateRow().AppendValue(data.School[i]).AppendValue(data.Year[i]);
                row = double.IsNaN(data.Score[i]) ? row.AppendNullValue() : row.AppendValue(data.Score[i]);
                row.AppendValue((f & PupilFlags.Disadvantaged) != 0)
                    .AppendValue((f & PupilFlags.Sen) != 0)
                    .AppendValue((f & PupilFlags.Eal) != 0)
                    .AppendValue((f & PupilFlags.Male) != 0)
                    .AppendValue(data.Possible[i])
                    .AppendValue(data.Absent[i])
                    .EndRow();
            }
        }

        Execute("CHECKPOINT");
    }

    /// <summary>DuckDB's version string.</summary>
    public string Version => Scalar("SELECT version()");

    /// <summary>DuckDB's thread setting.</summary>
    public string Threads => Scalar("SELECT current_setting('threads')");

    /// <summary>Computes every figure in SQL and reads it back.</summary>
    public AnalyticsResults Run(StageTimer? timer = null)
    {
        timer?.Start();
        Execute(GapSql);
        timer?.Lap("SQL: gaps (mid-ranks, means, Welch SE and df)");
        Execute(AttendanceSql);
        timer?.Lap("SQL: attendance measures");
        Execute(SeriesSql);
        Execute(LimitsSql);
        timer?.Lap("SQL: series and XmR limits");
        var r = new AnalyticsResults();
        ReadGaps(r);
        ReadAttendance(r);
        ReadLimits(r);
        timer?.Lap("read gaps, attendance, limits + t quantile in C#");
        ReadPoints(r);
        timer?.Lap("SQL: rules per point, read");
        return r;
    }

    /// <inheritdoc/>
    public void Dispose() => connection.Dispose();

    // Gap index from mid-ranks: group by (school, year, score) once, so a tie block of c pupils with `below` pupils
    // under it has mid-rank below + (c + 1) / 2; sums of mid-ranks per group follow by weighting with the counts.
    // Means and the two-pass sample variances for the Welch interval come from the same tie blocks.
    private static readonly string GapSql = $"""
        CREATE OR REPLACE TEMP TABLE gap AS
        WITH blocks AS (
            SELECT school * {PupilData.Years} + year AS k, score, count(*) AS c, sum(dis::INTEGER) AS cd
            FROM pupils WHERE score IS NOT NULL
            GROUP BY k, score
        ), ranked AS (
            SELECT k, score, c, cd, c - cd AS co,
                   (sum(c) OVER (PARTITION BY k ORDER BY score
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))::DOUBLE AS below
            FROM blocks
        ), sums AS (
            SELECT k, sum(c)::BIGINT AS n, sum(cd)::BIGINT AS nd, sum(co)::BIGINT AS no,
                   sum(cd * (coalesce(below, 0) + (c + 1)::DOUBLE / 2)) AS rank_sum_d,
                   sum(co * (coalesce(below, 0) + (c + 1)::DOUBLE / 2)) AS rank_sum_o,
                   sum(co * score) AS score_sum_o, sum(cd * score) AS score_sum_d
            FROM ranked GROUP BY k
        ), means AS (
            SELECT *, score_sum_o / NULLIF(no, 0)::DOUBLE AS m1, score_sum_d / NULLIF(nd, 0)::DOUBLE AS m2
            FROM sums
        ), squares AS (
            SELECT k,
                   sum(r.co * (r.score - m.m1) * (r.score - m.m1)) AS ss1,
                   sum(r.cd * (r.score - m.m2) * (r.score - m.m2)) AS ss2
            FROM ranked r JOIN means m USING (k)
            GROUP BY k
        ), welch AS (
            SELECT m.*,
                   CASE WHEN m.no >= 2 AND m.nd >= 2 THEN s.ss1 / (m.no - 1)::DOUBLE / m.no::DOUBLE END AS a,
                   CASE WHEN m.no >= 2 AND m.nd >= 2 THEN s.ss2 / (m.nd - 1)::DOUBLE / m.nd::DOUBLE END AS b
            FROM means m JOIN squares s USING (k)
        )
        SELECT k, n, nd,
               rank_sum_d / NULLIF(nd, 0)::DOUBLE AS mean_rank_d,
               rank_sum_o / NULLIF(no, 0)::DOUBLE AS mean_rank_o,
               '20'::DOUBLE * (rank_sum_o / NULLIF(no, 0)::DOUBLE - rank_sum_d / NULLIF(nd, 0)::DOUBLE) / n::DOUBLE AS gap_index,
               m1, m2, m1 - m2 AS diff,
               sqrt(a + b) AS se,
               CASE WHEN a + b = 0 THEN (no + nd - 2)::DOUBLE
                    ELSE (a + b) * (a + b) / (a * a / (no - 1)::DOUBLE + b * b / (nd - 1)::DOUBLE) END AS df
        FROM welch
        """;

    // Attendance: one scan aggregating per school, year and combination of the four flags (at most 16 cells per
    // school-year), then each group is the sum of its cells. Thresholds in exact integer arithmetic, as the library:
    // 100 × absent ≥ 10 (or 50) × possible. Enrolments with no possible sessions count only as excluded.
    private static readonly string AttendanceSql = BuildAttendanceSql();

    private static string BuildAttendanceSql()
    {
        var union = new StringBuilder();
        for (var g = 0; g < Layout.Groups; g++)
        {
            union.Append(CultureInfo.InvariantCulture, $"""
                {(g == 0 ? "" : "    UNION ALL ")}SELECT k, {g} AS grp, e, x, p, a, pa, sa FROM cells WHERE {GroupPredicates[g]}

                """);
        }

        return $"""
            CREATE OR REPLACE TEMP TABLE att AS
            WITH cells AS (
                SELECT school * {PupilData.Years} + year AS k, dis, sen, eal, male,
                       count_if(possible > 0) AS e,
                       count_if(possible = 0) AS x,
                       sum(possible) AS p,
                       sum(absent) AS a,
                       count_if(possible > 0 AND 100::BIGINT * absent >= 10::BIGINT * possible) AS pa,
                       count_if(possible > 0 AND 100::BIGINT * absent >= 50::BIGINT * possible) AS sa
                FROM pupils
                GROUP BY k, dis, sen, eal, male
            ), grouped AS (
                {union}
            ), totals AS (
                SELECT k, grp, sum(e)::BIGINT AS e, sum(x)::BIGINT AS x, sum(p)::BIGINT AS p, sum(a)::BIGINT AS a,
                       sum(pa)::BIGINT AS pa, sum(sa)::BIGINT AS sa
                FROM grouped
                GROUP BY k, grp
            )
            SELECT k, grp, e, x, p, a,
                   CASE WHEN e > 0 THEN '100'::DOUBLE * a::DOUBLE / p::DOUBLE END AS overall_rate,
                   pa, CASE WHEN e > 0 THEN '100'::DOUBLE * pa::DOUBLE / e::DOUBLE END AS pa_rate,
                   sa, CASE WHEN e > 0 THEN '100'::DOUBLE * sa::DOUBLE / e::DOUBLE END AS sa_rate
            FROM totals
            """;
    }

    private static readonly string SeriesSql = $"""
        CREATE OR REPLACE TEMP TABLE series AS
        SELECT k // {PupilData.Years} * {Layout.SeriesPerSchool} AS sid, k % {PupilData.Years} AS t, gap_index AS y FROM gap
        UNION ALL SELECT k // {PupilData.Years} * {Layout.SeriesPerSchool} + 1, k % {PupilData.Years}, diff FROM gap
        UNION ALL SELECT k // {PupilData.Years} * {Layout.SeriesPerSchool} + 2 + grp * 3, k % {PupilData.Years}, overall_rate FROM att
        UNION ALL SELECT k // {PupilData.Years} * {Layout.SeriesPerSchool} + 3 + grp * 3, k % {PupilData.Years}, pa_rate FROM att
        UNION ALL SELECT k // {PupilData.Years} * {Layout.SeriesPerSchool} + 4 + grp * 3, k % {PupilData.Years}, sa_rate FROM att
        """;

    // XmR limits (methods.md §4.1): mean, mean moving range, moving ranges ≥ 3.267 × mR̄ screened out once, limits at
    // ±2.66 × mR̄ and the 2σ band at ±(2/3)·2.66 × mR̄. Constants are parsed from strings, so they are the same
    // doubles as the library's (a decimal literal would be a DECIMAL).
    private const string LimitsSql = """
        CREATE OR REPLACE TEMP TABLE spc_limits AS
        WITH mr AS (
            SELECT sid, y, abs(y - lag(y) OVER (PARTITION BY sid ORDER BY t)) AS mr FROM series
        ), first_pass AS (
            SELECT sid, avg(y) AS mean, avg(mr) AS amr0 FROM mr GROUP BY sid
        ), screened AS (
            SELECT f.sid, any_value(f.mean) AS mean,
                   count(*) FILTER (WHERE f.amr0 > 0 AND m.mr >= '3.267'::DOUBLE * f.amr0) AS screened,
                   avg(m.mr) FILTER (WHERE NOT coalesce(f.amr0 > 0 AND m.mr >= '3.267'::DOUBLE * f.amr0, false)) AS amr
            FROM mr m JOIN first_pass f USING (sid)
            GROUP BY f.sid
        )
        SELECT sid, mean, amr, screened,
               mean + '2.66'::DOUBLE * amr AS upl,
               mean - '2.66'::DOUBLE * amr AS lpl,
               mean + '2.0'::DOUBLE * '2.66'::DOUBLE / '3.0'::DOUBLE * amr AS u2,
               mean - '2.0'::DOUBLE * '2.66'::DOUBLE / '3.0'::DOUBLE * amr AS l2
        FROM screened
        """;

    // The four Making Data Count rules in SQL, with the library's precedence (outside > trend > 2 of 3 > shift), using
    // window functions over one global order (series, time) rather than one partition per series, which is about twice
    // as fast in DuckDB for 8,000 short series. Runs (gaps and islands): a run starts where the series or the value
    // changes; each point finds its run's first and last row with running max / min. Shift = a run of ≥ 7 points on
    // one side of the mean (on the mean breaks it); trend = a run of ≥ 6 equal non-zero steps (≥ 7 points), a point
    // between two opposite trends taking the later one; two of three = a point beyond 2σ (inside the limits) in a
    // window of 3 points on one side with ≥ 2 beyond 2σ. Polarity is "down" (lower is better) for every series.
    private const string PointsSql = """
        WITH p AS (
            SELECT s.sid, s.t, s.y, l.upl IS NOT NULL AS has_limits,
                   sign(s.y - l.mean)::INTEGER AS side,
                   coalesce(s.y > l.upl OR s.y < l.lpl, false) AS outside,
                   coalesce(NOT (s.y > l.upl OR s.y < l.lpl) AND (s.y < l.l2 OR s.y > l.u2), false) AS near
            FROM series s JOIN spc_limits l USING (sid)
        ), w1 AS (
            SELECT *,
                   row_number() OVER o AS g,
                   CASE WHEN lag(sid) OVER o = sid THEN sign(y - lag(y) OVER o)::INTEGER ELSE 0 END AS step,
                   lag(sid) OVER o IS DISTINCT FROM sid OR lag(side) OVER o IS DISTINCT FROM side AS side_starts,
                   lead(sid) OVER o IS DISTINCT FROM sid OR lead(side) OVER o IS DISTINCT FROM side AS side_ends,
                   coalesce(has_limits AND side <> 0 AND lead(sid, 2) OVER o = sid
                            AND side = lead(side, 1) OVER o AND side = lead(side, 2) OVER o
                            AND near::INTEGER + (lead(near, 1) OVER o)::INTEGER + (lead(near, 2) OVER o)::INTEGER >= 2,
                            false) AS window_two_of_three
            FROM p
            WINDOW o AS (ORDER BY sid, t)
        ), w2 AS (
            SELECT *,
                   lag(sid) OVER o IS DISTINCT FROM sid OR lag(step) OVER o IS DISTINCT FROM step AS step_starts,
                   lead(sid) OVER o IS DISTINCT FROM sid OR lead(step) OVER o IS DISTINCT FROM step AS step_ends,
                   max(CASE WHEN side_starts THEN g END) OVER (o ROWS UNBOUNDED PRECEDING) AS side_start,
                   min(CASE WHEN side_ends THEN g END) OVER (o ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS side_end,
                   near AND (window_two_of_three
                             OR (lag(sid, 1) OVER o = sid AND lag(window_two_of_three, 1) OVER o)
                             OR (lag(sid, 2) OVER o = sid AND lag(window_two_of_three, 2) OVER o)) AS two_of_three
            FROM w1
            WINDOW o AS (ORDER BY sid, t)
        ), w3 AS (
            SELECT *,
                   has_limits AND side <> 0 AND side_end - side_start + 1 >= 7 AS shift,
                   max(CASE WHEN step_starts THEN g END) OVER (o ROWS UNBOUNDED PRECEDING) AS step_start,
                   min(CASE WHEN step_ends THEN g END) OVER (o ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS step_end
            FROM w2
            WINDOW o AS (ORDER BY sid, t)
        ), w4 AS (
            SELECT *,
                   CASE WHEN has_limits AND step <> 0 AND step_end - step_start + 1 >= 6 THEN step ELSE 0 END AS trend_step
            FROM w3
        ), w5 AS (
            SELECT sid, t, side, outside, shift, two_of_three,
                   CASE WHEN lead(sid) OVER o = sid AND lead(trend_step) OVER o <> 0 THEN lead(trend_step) OVER o ELSE trend_step END AS trend
            FROM w4
            WINDOW o AS (ORDER BY sid, t)
        ), ruled AS (
            SELECT sid, t,
                   CASE WHEN outside THEN 0 WHEN trend <> 0 THEN 1 WHEN two_of_three THEN 2 WHEN shift THEN 3 ELSE -1 END AS rule,
                   CASE WHEN outside THEN side WHEN trend <> 0 THEN trend ELSE side END AS direction
            FROM w5
        )
        SELECT sid, t, rule,
               CASE WHEN rule = -1 THEN 0 WHEN direction * -1 > 0 THEN 1 ELSE 2 END AS variation
        FROM ruled
        """;

    private void ReadGaps(AnalyticsResults r)
    {
        var p = 1 - (1 - Confidence) / 2;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT k, n, nd, mean_rank_d, mean_rank_o, gap_index, m1, m2, diff, se, df FROM gap";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var k = reader.GetInt32(0);
            r.GapN[k] = (int)reader.GetInt64(1);
            r.GapNDisadvantaged[k] = (int)reader.GetInt64(2);
            r.MeanRankDisadvantaged[k] = Real(reader, 3);
            r.MeanRankOthers[k] = Real(reader, 4);
            r.GapIndex[k] = Real(reader, 5);
            r.MeanOthers[k] = Real(reader, 6);
            r.MeanDisadvantaged[k] = Real(reader, 7);
            var d = Real(reader, 8);
            var se = Real(reader, 9);
            var df = Real(reader, 10);
            r.MeanGap[k] = d;
            r.MeanGapStandardError[k] = se;
            r.MeanGapDegreesOfFreedom[k] = df;
            if (double.IsNaN(se))
            {
                r.MeanGapLow[k] = r.MeanGapHigh[k] = double.NaN;
            }
            else if (se == 0)
            {
                r.MeanGapLow[k] = r.MeanGapHigh[k] = d;
            }
            else
            {
                var t = StudentT.Quantile(p, df);
                r.MeanGapLow[k] = d - t * se;
                r.MeanGapHigh[k] = d + t * se;
            }
        }
    }

    private void ReadAttendance(AnalyticsResults r)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT k, grp, e, x, p, a, overall_rate, pa, pa_rate, sa, sa_rate FROM att";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var a = reader.GetInt32(0) * Layout.Groups + reader.GetInt32(1);
            r.Enrolments[a] = (int)reader.GetInt64(2);
            r.ExcludedNoSessions[a] = (int)reader.GetInt64(3);
            r.PossibleSessions[a] = reader.GetInt64(4);
            r.AbsentSessions[a] = reader.GetInt64(5);
            r.OverallAbsenceRate[a] = Real(reader, 6);
            r.PersistentlyAbsent[a] = (int)reader.GetInt64(7);
            r.PersistentAbsenceRate[a] = Real(reader, 8);
            r.SeverelyAbsent[a] = (int)reader.GetInt64(9);
            r.SevereAbsenceRate[a] = Real(reader, 10);
        }
    }

    private void ReadLimits(AnalyticsResults r)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sid, mean, amr, screened, upl, lpl, u2, l2 FROM spc_limits";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var m = reader.GetInt32(0);
            r.SpcMean[m] = Real(reader, 1);
            r.SpcMovingRangeMean[m] = Real(reader, 2);
            r.SpcScreened[m] = (int)reader.GetInt64(3);
            r.SpcUpperLimit[m] = Real(reader, 4);
            r.SpcLowerLimit[m] = Real(reader, 5);
            r.SpcUpperTwoSigma[m] = Real(reader, 6);
            r.SpcLowerTwoSigma[m] = Real(reader, 7);
        }
    }

    private void ReadPoints(AnalyticsResults r)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PointsSql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var point = reader.GetInt32(0) * PupilData.Years + reader.GetInt32(1);
            r.Rule[point] = (sbyte)reader.GetInt32(2);
            r.Variation[point] = (byte)reader.GetInt32(3);
        }
    }

    private static double Real(DuckDBDataReader reader, int column) =>
        reader.IsDBNull(column) ? double.NaN : reader.GetDouble(column);

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The polarity both sides use, for the documentation.</summary>
    public static Polarity Polarity => StepwiseAnalytics.Options.Polarity;
}
