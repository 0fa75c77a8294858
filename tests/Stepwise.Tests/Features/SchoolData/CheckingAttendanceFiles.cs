using System.Text;
using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>
/// An attendance file without quotation marks is checked line by line on spans (ADR 0063). Every file here is also
/// checked the general way, through CsvHelper (a quoted header sends it there), and both must find the same marks
/// and the same problems, worded the same, on the same lines.
/// </summary>
public sealed class CheckingAttendanceFiles
{
    private const string Header = "UPN,Period,Possible,Present,Authorised,Unauthorised";
    private const string QuotedHeader = "\"UPN\",\"Period\",\"Possible\",\"Present\",\"Authorised\",\"Unauthorised\"";
    private static readonly byte[] Secret = [1, 2, 3, 4];
    private static readonly string[] OnRoll = ["A123456789012", "B123456789012", "C12345678901A"];

    public static TheoryData<string, string> Files => new()
    {
        { "clean lines", "A123456789012,2024-W36,10,9,1,0\nA123456789012,2024-W37,10,10,0,0\nB123456789012,2024/25 HT1,70,60,6,4\n" },
        { "Windows line ends", "A123456789012,2024-W36,10,9,1,0\r\nB123456789012,2024-W36,10,8,0,2\r\n" },
        { "blank and empty lines between", "A123456789012,2024-W36,10,9,1,0\n\n,,,,,\n   \nB123456789012,2024-W36,10,8,0,2\n" },
        { "spaces around cells and lower case", " a123456789012 , 2024-W36 , 10 , 9 , 1 , 0 \nc12345678901a,2024-09-10,2,2,0,0\n" },
        { "empty, malformed and unknown UPNs", ",2024-W36,10,9,1,0\nA12345,2024-W36,10,9,1,0\nZ999999999999,2024-W36,10,9,1,0\nA123456789012,2024-W36,10,9,1,0\n" },
        { "periods that are not periods", "A123456789012,2024-W99,10,9,1,0\nA123456789012,,10,9,1,0\nA123456789012,Autumn,10,9,1,0\nA123456789012,2024-W36,10,9,1,0\n" },
        { "sessions that are not sessions", "A123456789012,2024-W36,ten,9,1,0\nA123456789012,2024-W37,10,-1,1,0\nA123456789012,2024-W38,1001,9,1,0\nA123456789012,2024-W39,10,9,,0\nA123456789012,2024-W40,10,9,1.5,0\n" },
        { "more sessions than possible", "A123456789012,2024-W36,10,9,1,1\nA123456789012,2024-W37,10,9,1,0\n" },
        { "a line cut short", "A123456789012,2024-W36,10,9,1,0\nB123456789012,2024-W36,10" },
        { "a pupil and period repeated, also written differently", "A123456789012,2024-W36,10,9,1,0\nB123456789012,2024-W36,10,9,1,0\na123456789012,2024W36,10,8,2,0\nA123456789012,2024-W36,10,9,1,0\n" },
        { "more cells than the header", "A123456789012,2024-W36,10,9,1,0,extra,more\nB123456789012,2024-W36,10,9,1,0,\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_plain_file_is_read_line_by_line_and_finds_what_the_general_reader_finds(string what, string lines)
    {
        var plain = Check(Header + "\n" + lines);
        var general = Check(QuotedHeader + "\n" + lines);

        Assert.True(plain.ReadPlainly, what);
        Assert.False(general.ReadPlainly, what);
        Assert.Equal((general.Read, general.Accepted, general.Rejected), (plain.Read, plain.Accepted, plain.Rejected));
        Assert.Equal(general.Report(false, false, 0, 0).Errors, plain.Report(false, false, 0, 0).Errors);
        Assert.Equal(general.Marks, plain.Marks);
    }

    [Fact]
    public void The_same_checks_find_every_kind_of_problem_on_its_line()
    {
        var check = Check(Header + "\n" + "A123456789012,2024-W36,10,9,1,0\nA12345,2024-W36,10,9,1,0\nA123456789012,2024-W99,10,9,1,0\n"
            + "A123456789012,2024-W37,10,9,1,1\nZ999999999999,2024-W36,10,9,1,0\na123456789012,2024W36,10,9,1,0\nB123456789012,2024-W36,10");

        Assert.True(check.ReadPlainly);
        Assert.Equal((7, 1, 6), (check.Read, check.Accepted, check.Rejected));
        Assert.Equal(
        [
            "3 UPN A12345: is not a UPN (a letter, 11 digits and a final digit or letter)",
            "4 Period 2024-W99: is not " + Period.Expected,
            "5 Possible 10: is fewer than the sessions present and absent together (9 + 1 + 1 = 11)",
            "6 UPN Z999999999999: no pupil with this UPN is on roll at Test Academy: import pupils first",
            "7 UPN A123456789012: repeats line 2 (the same pupil and period)",
            "8 Present : the line ends after 3 of 6 columns: is the file cut short?",
        ], check.Report(false, false, 0, 0).Errors.Select(e => $"{e.Line} {e.Column} {e.Value}: {e.Reason}"));
    }

    [Fact]
    public void A_quotation_mark_part_way_through_sends_the_whole_file_to_the_general_reader()
    {
        var lines = string.Concat(Enumerable.Range(1, 30).Select(w => $"A123456789012,2024-W{w:00},10,9,1,0\n")) + "\"B123456789012\",2024-W36,10,9,1,0\nA123456789012,2024-W01,10,9,1,0\n";
        var check = Check(Header + "\n" + lines);

        Assert.False(check.ReadPlainly);
        Assert.Equal((32, 31, 1), (check.Read, check.Accepted, check.Rejected));
        Assert.Equal("33 repeats line 2 (the same pupil and period)", Assert.Single(check.Report(false, false, 0, 0).Errors) is var e ? $"{e.Line} {e.Reason}" : "");
    }

    [Fact]
    public void A_file_split_by_semicolons_or_tabs_is_read_line_by_line()
    {
        foreach (var delimiter in new[] { ";", "\t" })
        {
            var check = Check(Header.Replace(",", delimiter, StringComparison.Ordinal) + "\n" + "A123456789012,2024-W36,10,9,1,0\nB123456789012,2024-W36,10,8,0,2\n".Replace(",", delimiter, StringComparison.Ordinal));
            Assert.True(check.ReadPlainly);
            Assert.Equal(2, check.Accepted);
        }
    }

    private static AttendanceFileCheck Check(string text)
    {
        var pupils = OnRoll.Select((upn, i) => (Key: PupilKey.FromUpn(upn, Secret), Id: i + 1)).ToDictionary(p => p.Key, p => p.Id);
        var school = new School { Name = "Test Academy", Urn = 100001 };
        var file = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var check = new AttendanceFileCheck(school, Secret, pupils, new ImportSchoolData.Request(school.Urn, SchoolFileLayout.Attendance, "attendance.csv", AcceptValid: true),
            file, Encoding.UTF8, progress: null);
        check.CheckAll(CancellationToken.None);
        return check;
    }
}
