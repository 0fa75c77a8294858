using Stepwise.Features.SchoolData;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>A pupil's marks for a year as stored text (ADR 0062): written and read back whole, and damaged text named.</summary>
public sealed class StoringAttendanceMarks
{
    private static AttendanceMark Mark(string period, int possible, int present, int authorised, int unauthorised, int import) =>
        new(Period.Parse(period)!, possible, present, authorised, unauthorised, import);

    [Fact]
    public void Marks_written_and_read_back_are_the_same_marks_in_period_order()
    {
        List<AttendanceMark> marks = [Mark("2024/25 HT1", 70, 64, 4, 2, 3), Mark("2024-W36", 10, 9, 0, 1, 12), Mark("2024-09-10", 2, 1, 1, 0, 12)];
        var text = AttendanceMarks.Write(marks);
        Assert.Equal("2024/25 HT1,70,64,4,2,3;2024-W36,10,9,0,1,12;2024-09-10,2,1,1,0,12", text);

        var read = new List<AttendanceMark>();
        new AttendanceMarks.Reader().Read(text, read);
        Assert.Equal(marks, read);
    }

    [Fact]
    public void Marks_stored_out_of_order_are_read_in_period_order()
    {
        var read = new List<AttendanceMark>();
        new AttendanceMarks.Reader().Read("2024-W37,10,10,0,0,1;2024-W36,10,9,1,0,1", read);
        Assert.Equal(["2024-W36", "2024-W37"], read.Select(m => m.Period.Code));
    }

    [Theory]
    [InlineData("2024-W40,10,10,0,0")]
    [InlineData("2024-W40,10,10,0,0,1,7")]
    [InlineData("2024-W40,ten,10,0,0,1")]
    [InlineData("not-a-period,10,10,0,0,1")]
    [InlineData("2024-W40,10,10,0,0,1;2024-W40,10,9,1,0,1")]
    [InlineData("2024-W41,10,10,0,0,1;2024-W40,10,9,1,0,1;2024-W41,10,8,2,0,1")]
    public void Damaged_marks_are_refused_with_a_message_that_quotes_them(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => new AttendanceMarks.Reader().Read(text, []));
        Assert.Contains("Stored attendance marks could not be read", error.Message, StringComparison.Ordinal);
        Assert.Contains(text[..Math.Min(20, text.Length)], error.Message, StringComparison.Ordinal);
    }
}
