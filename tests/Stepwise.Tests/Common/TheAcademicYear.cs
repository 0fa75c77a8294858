using Microsoft.Extensions.Time.Testing;
using Stepwise.Common;

namespace Stepwise.Tests.Common;

public sealed class TheAcademicYear
{
    [Theory]
    [InlineData("2024-09-01", "2024/25")]
    [InlineData("2025-08-31", "2024/25")]
    [InlineData("2025-09-01", "2025/26")]
    [InlineData("1999-12-31", "1999/00")]
    public void A_day_belongs_to_the_year_that_starts_on_the_first_of_september_before_it(string day, string expected) =>
        Assert.Equal(expected, AcademicYear.Of(DateOnly.Parse(day)).ToString());

    [Fact]
    public void The_dfe_names_a_year_by_the_calendar_year_it_ends_in()
    {
        var year = AcademicYear.EndingIn(2025);
        Assert.Equal("2024/25", year.ToString());
        Assert.Equal(2025, year.EndYear);
        Assert.Equal(new DateOnly(2024, 9, 1), year.StartsOn);
        Assert.Equal(new DateOnly(2025, 8, 31), year.EndsOn);
    }

    [Theory]
    [InlineData("2024/25", 2024)]
    [InlineData(" 2024-25 ", 2024)]
    [InlineData("2024/2025", 2024)]
    [InlineData("1999/00", 1999)]
    [InlineData("2100/01", 2100)]
    public void Reads_a_year_as_schools_write_it(string text, int firstYear)
    {
        Assert.True(AcademicYear.TryParse(text, out var year));
        Assert.Equal(firstYear, year.FirstYear);
    }

    [Theory]
    [InlineData("2024/26")]
    [InlineData("2024/2026")]
    [InlineData("1989/90")]
    [InlineData("2101/02")]
    [InlineData("2024")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_text_that_is_not_a_recorded_year(string? text) => Assert.False(AcademicYear.TryParse(text, out _));

    [Theory]
    [InlineData("2024-09-01", 1, 1)]
    [InlineData("2024-10-31", 1, 1)]
    [InlineData("2024-11-01", 1, 2)]
    [InlineData("2025-01-01", 2, 3)]
    [InlineData("2025-02-15", 2, 4)]
    [InlineData("2025-04-15", 3, 5)]
    [InlineData("2025-06-01", 3, 6)]
    [InlineData("2025-08-31", 3, 6)]
    public void Terms_and_half_terms_start_on_their_nominal_days(string day, int term, int halfTerm)
    {
        Assert.Equal(term, AcademicYear.TermOf(DateOnly.Parse(day)));
        Assert.Equal(halfTerm, AcademicYear.HalfTermOf(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData(1, "2024-12-31")]
    [InlineData(3, "2025-08-31")]
    public void A_term_ends_the_day_before_the_next_starts(int term, string end) =>
        Assert.Equal(DateOnly.Parse(end), new AcademicYear(2024).TermEnd(term));

    [Theory]
    [InlineData(1, "2024-10-31")]
    [InlineData(4, "2025-04-14")]
    [InlineData(6, "2025-08-31")]
    public void A_half_term_ends_the_day_before_the_next_starts(int halfTerm, string end) =>
        Assert.Equal(DateOnly.Parse(end), new AcademicYear(2024).HalfTermEnd(halfTerm));

    [Fact]
    public void Today_and_this_year_come_from_the_clock_it_is_given()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 8, 31), clock.Today());
        Assert.Equal("2025/26", clock.ThisAcademicYear().ToString());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("2026/27", clock.ThisAcademicYear().ToString());
    }

    [Theory]
    [InlineData("English reading", "english-reading")]
    [InlineData("  Maths (Year 6)! ", "maths-year-6")]
    [InlineData("Design & Technology", "design-technology")]
    public void A_slug_is_lower_case_words_joined_by_hyphens(string text, string expected) => Assert.Equal(expected, Slug.Of(text));
}
