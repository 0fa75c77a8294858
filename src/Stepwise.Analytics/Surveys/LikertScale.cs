namespace Stepwise.Analytics.Surveys;

/// <summary>
/// An agreement scale coded 1 (most negative) … <see cref="Points"/> (most positive); the top
/// <see cref="FavourableOptions"/> options count as favourable (methods.md §5: top two of five, Panorama/Edurio).
/// </summary>
/// <param name="Points">Number of options, excluding "don't know"; default 5.</param>
/// <param name="FavourableOptions">How many of the top options are favourable; default 2.</param>
public sealed record LikertScale(int Points = 5, int FavourableOptions = 2)
{
    /// <summary>The five-point agreement scale with the top two favourable.</summary>
    public static LikertScale FivePoint { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Points, 2, nameof(Points));
        ArgumentOutOfRangeException.ThrowIfLessThan(FavourableOptions, 1, nameof(FavourableOptions));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(FavourableOptions, Points, nameof(FavourableOptions));
    }
}
