using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>Periods as schools write them, and the pupil groups figures are broken down by.</summary>
public sealed class ReadingPeriodsAndGroups
{
    [Theory]
    [InlineData("2024/25", PeriodKind.Year, "2024/25", "2024-09-01")]
    [InlineData("2024-25", PeriodKind.Year, "2024/25", "2024-09-01")]
    [InlineData("2024/2025", PeriodKind.Year, "2024/25", "2024-09-01")]
    [InlineData("2024/25 spring", PeriodKind.Term, "2024/25 Spring", "2025-01-01")]
    [InlineData("2024/25 Summer term", PeriodKind.Term, "2024/25 Summer", "2025-04-15")]
    [InlineData("2024/25 HT1", PeriodKind.HalfTerm, "2024/25 HT1", "2024-09-01")]
    [InlineData("2024/25 ht 4", PeriodKind.HalfTerm, "2024/25 HT4", "2025-02-15")]
    [InlineData("2025-W03", PeriodKind.Week, "2025-W03", "2025-01-13")]
    [InlineData("14/01/2025", PeriodKind.Date, "2025-01-14", "2025-01-14")]
    public void A_period_is_read_in_the_ways_schools_write_it(string text, PeriodKind kind, string code, string start)
    {
        var period = Period.Parse(text);
        Assert.NotNull(period);
        Assert.Equal((kind, code, DateOnly.Parse(start)), (period.Kind, period.Code, period.Start));
    }

    [Theory]
    [InlineData("2024/26")]
    [InlineData("2024/25 HT7")]
    [InlineData("2024/25 Winter")]
    [InlineData("2025-W54")]
    [InlineData("1989-12-04")]
    [InlineData("2101-W40")]
    [InlineData("31/02/2025")]
    [InlineData("")]
    public void Something_that_is_not_a_period_is_refused(string text) => Assert.Null(Period.Parse(text));

    [Fact]
    public void Half_terms_follow_each_other_in_order_and_a_day_falls_in_one()
    {
        var starts = Enumerable.Range(1, 6).Select(i => Period.Parse($"2024/25 HT{i}")!.Start).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal("2024/25 HT3", Period.HalfTermOf(new DateOnly(2025, 2, 3)).Code);
        Assert.Equal("2024/25", Period.Parse("2025-03-10")!.AcademicYearCode);
    }

    [Fact]
    public void A_pupil_in_year_6_now_was_in_year_5_last_year_and_keeps_the_earliest_known_characteristics_before_they_were_recorded()
    {
        var pupil = new Pupil { Key = "k", YearGroup = 6 };
        pupil.SetFrom(Characteristic.Disadvantaged, "yes", new DateOnly(2026, 11, 1));
        pupil.SetFrom(Characteristic.Sex, "F", new DateOnly(2026, 11, 1));
        var today = new DateOnly(2026, 11, 23);

        var lastYear = PupilGroups.Of(pupil, new DateOnly(2025, 10, 1), today).ToList();
        Assert.Equal(["all", "disadvantaged", "no-sen", "not-eal", "girls", "year-5", "years-1-11"], lastYear);
        Assert.Contains("year-6", PupilGroups.Of(pupil, today, today));
        Assert.DoesNotContain(PupilGroups.Of(pupil, new DateOnly(2019, 10, 1), today), g => g.StartsWith("year-", StringComparison.Ordinal));
    }

    /// <summary>Issue 17 defect 2: the DfE's cohort is Years 1 to 11; Reception and the sixth form are on the roll but not in it.</summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(11, true)]
    [InlineData(12, false)]
    [InlineData(13, false)]
    public void Only_pupils_in_Years_1_to_11_are_in_the_DfEs_cohort(int year, bool inCohort)
    {
        var pupil = new Pupil { Key = "k", YearGroup = year };
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(inCohort, PupilGroups.Of(pupil, today, today).Contains(PupilGroups.DfeCohort));
    }
}
