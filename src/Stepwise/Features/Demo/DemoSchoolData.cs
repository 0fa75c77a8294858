using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Demo;

/// <summary>
/// Synthetic attendance (every half-term from 2023/24 to the autumn of 2026/27) and assessments (each term of three
/// years) for the demo pupils, with stories a headteacher would recognise: Larkhaven Primary's persistent absence
/// falls for its last eight half-terms, Brackenmoor's absence has risen since last spring, and St Wenna's is
/// narrowing its disadvantage gap in reading. Absence is higher for disadvantaged pupils and pupils with SEN, and in
/// winter; attainment is lower for disadvantaged pupils and pupils with SEN, as in national figures. Only pupils on
/// roll in a period (by their year group then) have records for it. The same seed gives the same data.
/// </summary>
internal sealed class DemoSchoolData(int trustId, DateOnly today)
{
    private static readonly string[] HalfTerms = ["HT1", "HT2", "HT3", "HT4", "HT5", "HT6"];
    private static readonly int[] Sessions = [70, 66, 60, 58, 50, 68];
    private static readonly double[] Season = [0.9, 1.1, 1.25, 1.1, 0.9, 1.0];
    private static readonly string[] Terms = ["Autumn", "Spring", "Summer"];
    private readonly Random _random = new(20231101);

    /// <summary>The pupils' attendance as pupil years (ADR 0062), how many marks they hold, and the assessment results.</summary>
    public sealed record Generated(List<PupilAttendanceYear> Attendance, int AttendanceMarks, List<Assessment> Assessments);

    public Generated Generate(School school, IReadOnlyList<Pupil> pupils, int attendanceImportId, int assessmentImportId)
    {
        var attendance = new List<PupilAttendanceYear>();
        var marks = 0;
        var assessments = new List<Assessment>();
        var periods = HalfTermPeriods().ToList();
        var phase = school.Phase;
        var years = DemoSchools.YearGroups(phase);
        foreach (var pupil in pupils)
        {
            var day = new DateOnly(2025, 9, 1);
            var disadvantaged = pupil.ValueOn(Characteristic.Disadvantaged, day.AddMonths(6)) == "yes";
            var sen = pupil.ValueOn(Characteristic.Sen, day.AddMonths(6)) is "sen-support" or "ehc-plan";
            // Each pupil's own tendency to be absent: most miss little, a few miss a lot.
            var propensity = Math.Exp(Normal() * 0.75) * (disadvantaged ? 1.8 : 1.0) * (sen ? 1.4 : 1.0);
            var ability = Normal() - (disadvantaged ? 0.45 : 0) - (sen ? 0.6 : 0);
            var pupilMarks = new List<AttendanceMark>();
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                if (!OnRoll(pupil, period.Start, years))
                {
                    continue;
                }
                var rate = Math.Clamp(0.035 * propensity * Season[i % 6] * Trend(school.Urn, i, periods.Count), 0, 0.95);
                var possible = Sessions[i % 6];
                var absent = Binomial(possible, rate);
                var unauthorised = Binomial(absent, disadvantaged ? 0.35 : 0.2);
                pupilMarks.Add(new AttendanceMark(period, possible, possible - absent, absent - unauthorised, unauthorised, attendanceImportId));
            }
            foreach (var year in pupilMarks.GroupBy(m => PupilAttendanceYear.YearOf(m.Period)))
            {
                var inYear = year.ToList();
                attendance.Add(new PupilAttendanceYear
                {
                    TrustId = trustId, SchoolId = school.Id, PupilId = pupil.Id, AcademicYear = year.Key, Marks = AttendanceMarks.Write(inYear),
                    Periods = inYear.Count, DataImportId = attendanceImportId,
                });
            }
            marks += pupilMarks.Count;
            foreach (var period in TermPeriods())
            {
                if (!OnRoll(pupil, period.Start, years) || YearThen(pupil, period.Start) == 0 || phase == Phase.Special)
                {
                    continue;
                }
                var growth = (period.Start.Year - 2023) * (disadvantaged && school.Urn == 990004 ? 0.22 : 0.04);
                foreach (var subject in phase == Phase.Secondary ? new[] { "English", "Maths" } : ["Reading", "Maths"])
                {
                    var level = ability + growth + Normal() * 0.35;
                    if (phase == Phase.Secondary)
                    {
                        var grade = (int)Math.Clamp(Math.Round(4.8 + 1.6 * level), 1, 9);
                        assessments.Add(Result(school, pupil, subject, period, "grade", grade, grade >= 4, assessmentImportId));
                    }
                    else
                    {
                        var score = (int)Math.Clamp(Math.Round(103 + 6.5 * level), 80, 120);
                        assessments.Add(Result(school, pupil, subject, period, "scaled-score", score, score >= 100, assessmentImportId));
                    }
                }
            }
        }
        return new Generated(attendance, marks, assessments);
    }

    private Assessment Result(School school, Pupil pupil, string subject, Period period, string type, int value, bool expected, int importId) => new()
    {
        TrustId = trustId, SchoolId = school.Id, PupilId = pupil.Id, Subject = subject, Period = period.Code, PeriodStart = period.Start,
        ResultType = type, Result = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Score = value, Expected = expected, DataImportId = importId,
    };

    /// <summary>Relative absence level over the half-terms: the stories behind the demo's signals.</summary>
    private static double Trend(int urn, int index, int count) => urn switch
    {
        // Falling steadily over the last eight half-terms.
        990001 => index < count - 8 ? 1.15 : 1.15 - 0.06 * (index - (count - 8) + 1),
        // Rising since the spring of 2025/26.
        990002 => index < count - 4 ? 1.0 : 1.0 + 0.18 * (index - (count - 4) + 1),
        _ => 1.0,
    };

    private IEnumerable<Period> HalfTermPeriods()
    {
        for (var year = 2023; ; year++)
        {
            foreach (var half in HalfTerms)
            {
                var period = Period.Parse($"{new AcademicYear(year)} {half}")!;
                // Only half-terms that have finished.
                if (period.Start.AddDays(42) > today)
                {
                    yield break;
                }
                yield return period;
            }
        }
    }

    private IEnumerable<Period> TermPeriods()
    {
        for (var year = 2023; ; year++)
        {
            foreach (var term in Terms)
            {
                var period = Period.Parse($"{new AcademicYear(year)} {term}")!;
                // Assessments are taken towards the end of a term.
                if (period.Start.AddDays(90) > today)
                {
                    yield break;
                }
                yield return period;
            }
        }
    }

    private int YearThen(Pupil pupil, DateOnly day) =>
        pupil.YearGroup - (AcademicYear.Of(today).FirstYear - AcademicYear.Of(day).FirstYear);

    private bool OnRoll(Pupil pupil, DateOnly day, int[] years) => years.Contains(YearThen(pupil, day));

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private int Binomial(int n, double p)
    {
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            k += _random.NextDouble() < p ? 1 : 0;
        }
        return k;
    }
}
