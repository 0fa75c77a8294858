using Stepwise.Common;
using Stepwise.Features.Accounts;

namespace Stepwise.Tests.Common;

/// <summary>The text rule and the password rule as pure functions.</summary>
public sealed class TheTextRule
{
    /// <summary>Issue 17 defect 12: NUL and other control characters are refused in any text, naming the field.</summary>
    [Theory]
    [InlineData("Year\u00006")]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("c1 \u0085")]
    public void Control_characters_and_broken_characters_are_refused_in_any_text(string text)
    {
        var problem = TextRule.Problem("Summary", text, isName: false);
        Assert.NotNull(problem);
        Assert.StartsWith("Summary ", problem, StringComparison.Ordinal);
    }

    /// <summary>Issue 17 defect 12: half of a surrogate pair cannot be stored as UTF-8 (PostgreSQL refuses it).</summary>
    [Fact]
    public void Half_a_character_is_refused() =>
        Assert.NotNull(TextRule.Problem("Summary", "broken " + (char)0xD800 + " half", isName: false));

    /// <summary>Issue 17 defect 12: text over several lines keeps its tabs and line breaks; a name may not have them.</summary>
    [Fact]
    public void Tabs_and_line_breaks_are_kept_in_text_but_not_in_names()
    {
        Assert.Null(TextRule.Problem("Summary", "First\tsecond\r\nthird", isName: false));
        Assert.NotNull(TextRule.Problem("Name", "First\nsecond", isName: true));
    }

    /// <summary>Issue 17 defect 12: bidi overrides, isolates and zero-width characters are refused in names only.</summary>
    [Theory]
    [InlineData("\u202e")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    [InlineData("\u200b")]
    [InlineData("\u200d")]
    [InlineData("\ufeff")]
    public void Invisible_formatting_is_refused_in_names_only(string character)
    {
        Assert.NotNull(TextRule.Problem("Name", $"Tom{character}Teacher", isName: true));
        Assert.Null(TextRule.Problem("Comment", $"Tom{character}Teacher", isName: false));
    }

    [Fact]
    public void Ordinary_names_in_any_script_with_emoji_and_accents_are_accepted()
    {
        foreach (var name in new[] { "Siobhán O'Neill-Žukauskas", "محمد علي", "李小龍", "Year 6 🌟", "Ægir" })
        {
            Assert.Null(TextRule.Problem("Name", name, isName: true));
        }
    }

    [Theory]
    [InlineData("name", true)]
    [InlineData("Input.DisplayName", true)]
    [InlineData("people[2].unitName", true)]
    [InlineData("summary", false)]
    [InlineData("Input.JobTitle", false)]
    public void A_field_is_a_name_when_its_own_name_ends_in_name(string field, bool isName) =>
        Assert.Equal(isName, TextRule.IsName(field));

    /// <summary>Issue 17 defect 13: "aaaaaaaaaaaa" was accepted as a password.</summary>
    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("passwordpassword")]
    [InlineData("abcdefghijklmn")]
    [InlineData("987654321098")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Password1234!")]
    [InlineData("qwerty123456")]
    public void Common_repeated_and_sequential_passwords_are_refused(string password) =>
        Assert.NotNull(CommonPasswordRule.Problem(password));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("a long sentence of my own")]
    [InlineData("Kettle-Lantern-Orbit-42")]
    public void Long_unusual_passwords_are_accepted(string password) =>
        Assert.Null(CommonPasswordRule.Problem(password));
}
