using System.Text.RegularExpressions;

namespace Stepwise.Common;

/// <summary>Text as a key or address part: lower case, letters and digits, words joined by hyphens ("English reading" → "english-reading").</summary>
public static partial class Slug
{
    public static string Of(string text, int maxLength = 40)
    {
        var slug = NotSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > maxLength ? slug[..maxLength] : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
