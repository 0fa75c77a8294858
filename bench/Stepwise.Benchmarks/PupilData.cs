namespace Stepwise.Benchmarks;

/// <summary>Bit flags of a pupil's characteristics (one byte per pupil).</summary>
[Flags]
public enum PupilFlags : byte
{
    None = 0,
    Disadvantaged = 1,
    Sen = 2,
    Eal = 4,
    Male = 8,
}

/// <summary>
/// One million generated pupil rows held column by column, as an in-memory extract would be. The same rows are loaded
/// into a DuckDB table for the reference side. Deterministic: the same seed always gives the same rows.
/// </summary>
public sealed class PupilData
{
    /// <summary>Number of schools.</summary>
    public const int Schools = 400;

    /// <summary>Academic years per school (2015/16 … 2024/25): 10 points per SPC series, so all four rules can fire.</summary>
    public const int Years = 10;

    /// <summary>The first academic year (2015 means 2015/16).</summary>
    public const int FirstYear = 2015;

    /// <summary>Sessions in a full year (190 days × 2).</summary>
    public const int FullYearSessions = 380;

    private PupilData(int count)
    {
        Count = count;
        School = new int[count];
        Year = new int[count];
        Score = new double[count];
        Flags = new PupilFlags[count];
        Possible = new int[count];
        Absent = new int[count];
    }

    /// <summary>Rows.</summary>
    public int Count { get; }

    /// <summary>School number, 0 … Schools − 1.</summary>
    public int[] School { get; }

    /// <summary>Year number, 0 … Years − 1 (academic year FirstYear + Year).</summary>
    public int[] Year { get; }

    /// <summary>KS2-like scaled score 80–120 (integers, so many ties); NaN when the pupil has no valid result.</summary>
    public double[] Score { get; }

    /// <summary>Disadvantaged, SEN, EAL and sex flags.</summary>
    public PupilFlags[] Flags { get; }

    /// <summary>Possible sessions (0 for an enrolment with none, which the absence measures exclude).</summary>
    public int[] Possible { get; }

    /// <summary>Sessions missed, 0 … Possible.</summary>
    public int[] Absent { get; }

    /// <summary>
    /// Generates <paramref name="rows"/> pupils. Each school has its own size, attainment level, group proportions,
    /// disadvantage gap and absence level; a quarter of schools narrow their gap steadily over the years and a fifth cut
    /// absence by 30 % from the sixth year, so the SPC rules have real signals to find. Rows are shuffled, so both sides
    /// must do their own grouping.
    /// </summary>
    public static PupilData Generate(int rows = 1_000_000, int seed = 20_250_905)
    {
        var rng = new Random(seed);
        var effect = new double[Schools];
        var pDis = new double[Schools];
        var pSen = new double[Schools];
        var pEal = new double[Schools];
        var gapStart = new double[Schools];
        var narrowing = new double[Schools];
        var absBase = new double[Schools];
        var absDrop = new double[Schools];
        var sizes = new double[Schools * Years];
        var yearEffect = new double[Years];
        for (var y = 0; y < Years; y++)
        {
            yearEffect[y] = Normal(rng) * 0.7;
        }

        for (var s = 0; s < Schools; s++)
        {
            effect[s] = Normal(rng) * 3;
            pDis[s] = 0.10 + 0.40 * rng.NextDouble();
            pSen[s] = 0.10 + 0.10 * rng.NextDouble();
            pEal[s] = 0.05 + 0.45 * rng.NextDouble();
            gapStart[s] = 3 + 5 * rng.NextDouble();
            narrowing[s] = rng.NextDouble() < 0.25 ? 0.7 * gapStart[s] : 0;
            absBase[s] = 0.035 + 0.03 * rng.NextDouble();
            absDrop[s] = rng.NextDouble() < 0.2 ? 0.3 : 0;
            var baseSize = 150 + rng.Next(201);
            for (var y = 0; y < Years; y++)
            {
                sizes[s * Years + y] = baseSize * (0.9 + 0.2 * rng.NextDouble());
            }
        }

        // Scale the school-year sizes so that they add up to exactly `rows`.
        var total = sizes.Sum();
        var counts = new int[sizes.Length];
        var assigned = 0;
        for (var k = 0; k < sizes.Length; k++)
        {
            counts[k] = (int)(sizes[k] * rows / total);
            assigned += counts[k];
        }

        for (var k = 0; assigned < rows; k = (k + 1) % counts.Length)
        {
            counts[k]++;
            assigned++;
        }

        var ordered = new PupilData(rows);
        var i = 0;
        for (var s = 0; s < Schools; s++)
        {
            for (var y = 0; y < Years; y++)
            {
                var gap = gapStart[s] - narrowing[s] * y / (Years - 1);
                var absLevel = absBase[s] * (y >= Years / 2 ? 1 - absDrop[s] : 1);
                for (var c = 0; c < counts[s * Years + y]; c++, i++)
                {
                    var dis = rng.NextDouble() < pDis[s];
                    var sen = rng.NextDouble() < pSen[s] * (dis ? 1.5 : 0.85);
                    var eal = rng.NextDouble() < pEal[s];
                    var male = rng.NextDouble() < 0.51;
                    var flags = (dis ? PupilFlags.Disadvantaged : 0) | (sen ? PupilFlags.Sen : 0)
                        | (eal ? PupilFlags.Eal : 0) | (male ? PupilFlags.Male : 0);

                    var latent = 104 + effect[s] + yearEffect[y] - (dis ? gap : 0) - (sen ? 7 : 0) + (eal ? 0.5 : 0)
                        - (male ? 0.8 : 0) + 6 * Normal(rng);
                    var missing = rng.NextDouble() < (sen ? 0.06 : 0.015);
                    var score = missing ? double.NaN : Math.Clamp(Math.Round(latent), 80, 120);

                    var u = rng.NextDouble();
                    var possible = u < 0.002 ? 0 : u < 0.15 ? 2 * rng.Next(10, 190) : FullYearSessions;
                    var rate = absLevel * (dis ? 1.8 : 1) * (sen ? 1.5 : 1) * (eal ? 0.85 : 1)
                        * Math.Exp(0.9 * Normal(rng) - 0.405);
                    var absent = Math.Min(possible, (int)Math.Round(possible * Math.Min(rate, 1)));

                    ordered.School[i] = s;
                    ordered.Year[i] = y;
                    ordered.Score[i] = score;
                    ordered.Flags[i] = flags;
                    ordered.Possible[i] = possible;
                    ordered.Absent[i] = absent;
                }
            }
        }

        // Shuffle (Fisher–Yates on an index, then gather), so rows arrive in no particular order.
        var order = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            order[r] = r;
        }

        for (var r = rows - 1; r > 0; r--)
        {
            var j = rng.Next(r + 1);
            (order[r], order[j]) = (order[j], order[r]);
        }

        var data = new PupilData(rows);
        for (var r = 0; r < rows; r++)
        {
            var o = order[r];
            data.School[r] = ordered.School[o];
            data.Year[r] = ordered.Year[o];
            data.Score[r] = ordered.Score[o];
            data.Flags[r] = ordered.Flags[o];
            data.Possible[r] = ordered.Possible[o];
            data.Absent[r] = ordered.Absent[o];
        }

        return data;
    }

    /// <summary>A one-line description of the generated rows (rates actually drawn).</summary>
    public string Describe()
    {
        int dis = 0, sen = 0, eal = 0, male = 0, missing = 0, noSessions = 0, atThreshold = 0;
        long possible = 0, absent = 0;
        for (var i = 0; i < Count; i++)
        {
            var f = Flags[i];
            dis += (f & PupilFlags.Disadvantaged) != 0 ? 1 : 0;
            sen += (f & PupilFlags.Sen) != 0 ? 1 : 0;
            eal += (f & PupilFlags.Eal) != 0 ? 1 : 0;
            male += (f & PupilFlags.Male) != 0 ? 1 : 0;
            missing += double.IsNaN(Score[i]) ? 1 : 0;
            noSessions += Possible[i] == 0 ? 1 : 0;
            atThreshold += Possible[i] > 0 && (10L * Absent[i] == Possible[i] || 2L * Absent[i] == Possible[i]) ? 1 : 0;
            possible += Possible[i];
            absent += Absent[i];
        }

        double P(int x) => 100.0 * x / Count;
        return $"{Count:N0} rows, {Schools} schools × {Years} years; disadvantaged {P(dis):F1} %, SEN {P(sen):F1} %, "
            + $"EAL {P(eal):F1} %, boys {P(male):F1} %, no valid score {P(missing):F1} %, no possible sessions "
            + $"{P(noSessions):F2} %, exactly at the 10 % or 50 % threshold {atThreshold:N0}, overall absence {100.0 * absent / possible:F2} %";
    }

    private static double Normal(Random rng)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
