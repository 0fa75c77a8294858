using System.Globalization;

namespace Stepwise.Common;

/// <summary>
/// The one rule for text anyone sends in (ADR 0075): no NUL or other control character (PostgreSQL cannot store NUL,
/// and no one types the others); tab and line breaks only in text that may run over lines; and in names no
/// invisible formatting (bidi overrides and isolates that make a name read backwards, zero-width characters that
/// make two names look the same). A name is a field whose name ends in "Name" (name, displayName, unitName…).
/// Applied once to every form post (<see cref="TextRuleFilters"/>) and every API argument, not in each use case.
/// </summary>
public static class TextRule
{
    /// <summary>True for a field that holds a name, by the field's own name.</summary>
    public static bool IsName(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return false;
        }
        var last = field[(field.LastIndexOfAny(['.', ']']) + 1)..];
        return last.EndsWith("name", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why this text cannot be accepted in this field, in words that name the field; null if it can.</summary>
    public static string? Problem(string label, string? value, bool isName)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return $"{label} contains a broken character (character {i + 1}). Type it again.";
            }
            if (c is '\t' or '\n' or '\r')
            {
                if (isName)
                {
                    return $"{label} must be on one line: remove the tab or line break (character {i + 1}).";
                }
                continue;
            }
            if (c < 0x20 || c is >= '\u007f' and <= '\u009f')
            {
                return $"{label} contains a control character ({Code(c)}, character {i + 1}) that cannot be stored. Remove it and try again.";
            }
            if (isName && IsInvisibleFormatting(c))
            {
                return $"{label} contains an invisible formatting character ({Code(c)}, character {i + 1}): {What(c)}. Names must be plain text.";
            }
        }
        return null;
    }

    private static bool IsInvisibleFormatting(char c) =>
        c is >= '\u202a' and <= '\u202e' // embeddings and overrides
            or >= '\u2066' and <= '\u2069' // isolates
            or >= '\u200b' and <= '\u200d' // zero-width space, non-joiner, joiner
            or '\u2060' or '\ufeff' or '\u180e' or '\u00ad';

    private static string What(char c) => c switch
    {
        >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' => "it changes the direction text is shown in",
        '\u00ad' => "a soft hyphen, which is not shown",
        _ => "it takes no space, so two different names would look the same",
    };

    private static string Code(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
