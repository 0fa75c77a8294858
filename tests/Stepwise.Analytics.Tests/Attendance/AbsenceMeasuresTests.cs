using Stepwise.Analytics.Attendance;

namespace Stepwise.Analytics.Tests.Attendance;

/// <summary>DfE absence measures (methods.md §6).</summary>
public class AbsenceMeasuresTests
{
    [Fact]
    public void Methods_vector_gives_22_5_percent_overall_two_of_two_persistent_and_one_of_two_severe()
    {
        var result = AbsenceMeasures.Summarise([new PupilSessions(300, 30), new PupilSessions(100, 60)]);

        Assert.Equal(400, result.PossibleSessions);
        Assert.Equal(90, result.AbsentSessions);
        Assert.Equal(22.5, result.OverallAbsenceRate!.Value, 12);
        Assert.Equal(2, result.PersistentlyAbsent);
        Assert.Equal(100.0, result.PersistentAbsenceRate!.Value, 12);
        Assert.Equal(1, result.SeverelyAbsent);
        Assert.Equal(50.0, result.SevereAbsenceRate!.Value, 12);
    }

    [Fact]
    public void Sums_sessions_rather_than_averaging_pupil_rates()
    {
        // Pupil rates 10% and 60% average to 35%; the session rate is 22.5%.
        var result = AbsenceMeasures.Summarise([new PupilSessions(300, 30), new PupilSessions(100, 60)]);

        Assert.NotEqual(35.0, result.OverallAbsenceRate!.Value, 6);
    }

    [Theory]
    [InlineData(300, 31, true)]
    [InlineData(300, 30, true)]
    [InlineData(300, 29, false)]
    [InlineData(7, 1, true)]
    public void A_pupil_is_persistently_absent_at_ten_percent_or_more_of_their_own_sessions(int possible, int absent, bool expected)
    {
        Assert.Equal(expected, AbsenceMeasures.Summarise([new PupilSessions(possible, absent)]).PersistentlyAbsent == 1);
    }

    [Theory]
    [InlineData(100, 50, true)]
    [InlineData(101, 50, false)]
    [InlineData(3, 2, true)]
    public void A_pupil_is_severely_absent_at_half_their_own_sessions_or_more(int possible, int absent, bool expected)
    {
        Assert.Equal(expected, AbsenceMeasures.Summarise([new PupilSessions(possible, absent)]).SeverelyAbsent == 1);
    }

    [Fact]
    public void Leaves_out_pupils_with_no_possible_sessions()
    {
        var result = AbsenceMeasures.Summarise([new PupilSessions(0, 0), new PupilSessions(200, 10)]);

        Assert.Equal(1, result.Enrolments);
        Assert.Equal(1, result.ExcludedNoPossibleSessions);
        Assert.Equal(5.0, result.OverallAbsenceRate!.Value, 12);
        Assert.Equal(0, result.PersistentAbsenceRate);
    }

    [Fact]
    public void Gives_no_rates_when_nobody_has_possible_sessions()
    {
        var result = AbsenceMeasures.Summarise([new PupilSessions(0, 0)]);

        Assert.Null(result.OverallAbsenceRate);
        Assert.Null(result.PersistentAbsenceRate);
        Assert.Null(AbsenceMeasures.Summarise([]).SevereAbsenceRate);
    }

    [Fact]
    public void Rejects_more_absences_than_possible_sessions()
    {
        Assert.Throws<ArgumentException>(() => AbsenceMeasures.Summarise([new PupilSessions(10, 11)]));
    }

    [Fact]
    public void A_tally_kept_one_enrolment_at_a_time_knows_an_excluded_enrolment_from_none()
    {
        var tally = new AbsenceTally();
        Assert.True(tally.IsEmpty);

        tally.Add(new PupilSessions(0, 0));
        Assert.False(tally.IsEmpty);
        Assert.Equal((0, 1), (tally.Summary().Enrolments, tally.Summary().ExcludedNoPossibleSessions));

        tally.Add(new PupilSessions(300, 30));
        tally.Add(new PupilSessions(300, 29));
        Assert.Equal(AbsenceMeasures.Summarise([new PupilSessions(0, 0), new PupilSessions(300, 30), new PupilSessions(300, 29)]), tally.Summary());
        Assert.Equal(50.0, tally.Summary().PersistentAbsenceRate);
    }
}

