using System.Text.Json;

namespace Stepwise.Common;

/// <summary>Enum values as the kebab-case codes used on the command line, in JSON and in forms.</summary>
public static class Codes
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string List<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(v => Of(v)));
}
