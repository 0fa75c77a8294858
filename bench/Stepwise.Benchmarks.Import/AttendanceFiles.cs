using System.Globalization;
using System.Text;

namespace Stepwise.Benchmarks.Import;

/// <summary>
/// A pupils file and an attendance file as a MIS would export them: one row per pupil per ISO week, ten possible
/// sessions a week, a little authorised and unauthorised absence. Deterministic (a fixed seed), so runs compare.
/// </summary>
public sealed record AttendanceFiles(string PupilsFile, string Attendance, int Rows, int Pupils, int Periods)
{
    public static AttendanceFiles Generate(string folder, int rows, int periods)
    {
        var pupils = (rows + periods - 1) / periods;
        var upns = Enumerable.Range(0, pupils).Select(Upn).ToArray();
        var pupilsFile = Path.Combine(folder, "pupils.csv");
        using (var writer = new StreamWriter(pupilsFile, false, new UTF8Encoding(false)))
        {
            writer.Write("UPN,Year,Gender,Pupil Premium,SEN Status,EAL\n");
            for (var i = 0; i < pupils; i++)
            {
                writer.Write($"{upns[i]},{7 + i % 5},{(i % 2 == 0 ? "F" : "M")},{(i % 4 == 0 ? "Y" : "N")},{(i % 7 == 0 ? "K" : "N")},{(i % 6 == 0 ? "Y" : "N")}\n");
            }
        }

        var weeks = new string[periods];
        var monday = ISOWeek.ToDateTime(2023, 1, DayOfWeek.Monday);
        for (var w = 0; w < periods; w++)
        {
            var day = monday.AddDays(7 * w);
            weeks[w] = $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
        }
        var attendance = Path.Combine(folder, "attendance.csv");
        var random = new Random(20250101);
        using (var writer = new StreamWriter(attendance, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("UPN,Period,Possible,Present,Authorised,Unauthorised\n");
            var written = 0;
            for (var i = 0; i < pupils && written < rows; i++)
            {
                // Some pupils miss a lot: persistent and severe absence show up in the derived series.
                var habit = i % 20 == 0 ? 5 : i % 5 == 0 ? 2 : 1;
                for (var w = 0; w < periods && written < rows; w++, written++)
                {
                    var authorised = random.Next(0, 3 * habit) / 3;
                    var unauthorised = random.Next(0, 2 * habit) / 3;
                    var present = 10 - authorised - unauthorised;
                    writer.Write(upns[i]);
                    writer.Write(',');
                    writer.Write(weeks[w]);
                    writer.Write(",10,");
                    writer.Write(present);
                    writer.Write(',');
                    writer.Write(authorised);
                    writer.Write(',');
                    writer.Write(unauthorised);
                    writer.Write('\n');
                }
            }
        }
        return new AttendanceFiles(pupilsFile, attendance, rows, pupils, periods);
    }

    /// <summary>A well-formed UPN: a letter, 11 digits and a final digit.</summary>
    private static string Upn(int i) => $"B{i:00000000000}{i % 10}";
}
