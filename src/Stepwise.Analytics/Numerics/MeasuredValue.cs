namespace Stepwise.Analytics.Numerics;

/// <summary>
/// The values the statistics accept: finite, and no larger in size than <see cref="Largest"/>. Every school measure
/// (a percentage, a score, a count of pupils) is many orders of magnitude smaller; beyond it, sums of squares and
/// moving ranges overflow to infinity and a chart would read nonsense as a signal.
/// </summary>
public static class MeasuredValue
{
    /// <summary>One million million (10¹²).</summary>
    public const double Largest = 1e12;

    /// <summary>True for a finite value no larger in size than <see cref="Largest"/>.</summary>
    public static bool IsAccepted(double value) => double.IsFinite(value) && Math.Abs(value) <= Largest;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value that is not accepted.</summary>
    public static void EnsureAccepted(ReadOnlySpan<double> values, string parameterName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!IsAccepted(values[i]))
            {
                throw new ArgumentException(
                    $"Value {i + 1} ({values[i]}) is not a finite number between -{Largest:0e0} and {Largest:0e0}.", parameterName);
            }
        }
    }
}
