using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Demo;

/// <summary>
/// The demo trust's schools: invented names and URNs from 990001 (real URNs run from 100000 to about 150000),
/// so judgements and survey results shown in the demo can never be read as a real school's.
/// Their context is taken from real Hampshire and Surrey schools in the DfE 2019 census
/// (shared/data/dfe-england-2019/england_census.csv): primaries at the 15th, 50th, 80th and 95th percentiles of
/// FSM-ever, a secondary at the 60th (its roll scaled to a typical 11–16 academy) and a median special school.
/// </summary>
internal static class DemoSchools
{
    public sealed record Spec(
        int Urn, string Name, Phase Phase, string Type, string LocalAuthority, string Postcode,
        int Pupils, double Fsm, double Disadvantaged, double SenSupport, double EhcPlan, double Eal);

    public static readonly Spec[] All =
    [
        new(990001, "Oakfield Primary School", Phase.Primary, "Academy converter", "Hampshire", "SO22 5QA", 413, 6.5, 11.1, 2.2, 1.2, 5.1),
        new(990002, "Brookside Primary Academy", Phase.Primary, "Academy sponsor led", "Hampshire", "PO9 2RT", 349, 13.8, 20.9, 11.7, 3.7, 2.6),
        new(990003, "Kingsmead Primary School", Phase.Primary, "Academy converter", "Hampshire", "GU14 8BX", 623, 3.5, 4.7, 4.7, 1.8, 7.9),
        new(990004, "St Aldhelm's CofE Primary School", Phase.Primary, "Academy converter", "Surrey", "GU21 4LP", 213, 21.6, 36.6, 24.9, 3.8, 10.8),
        new(990005, "Oakfield Academy", Phase.Secondary, "Academy converter", "Hampshire", "SO23 7DN", 1140, 13.3, 19.5, 14.0, 2.3, 2.5),
        new(990006, "Heathland School", Phase.Special, "Academy special converter", "Hampshire", "SO50 4GN", 225, 27.1, 36.8, 0.0, 100.0, 1.8),
    ];

    public static int[] YearGroups(Phase phase) => phase switch
    {
        Phase.Primary => [0, 1, 2, 3, 4, 5, 6],
        Phase.Secondary => [7, 8, 9, 10, 11],
        _ => [3, 4, 5, 6, 7, 8, 9, 10, 11],
    };

    /// <summary>Units below the whole school: (key, kind, name, parent key).</summary>
    public static IEnumerable<(string Key, UnitKind Kind, string Name, string? Parent)> Units(Phase phase)
    {
        yield return ("slt", UnitKind.Team, "Senior leadership team", null);
        if (phase == Phase.Secondary)
        {
            yield return ("curriculum", UnitKind.Team, "Curriculum", null);
            foreach (var subject in new[] { "English", "Maths", "Science", "History", "Geography", "Modern foreign languages", "Computing" })
            {
                yield return (subject.ToLowerInvariant(), UnitKind.Subject, subject, "curriculum");
            }
            foreach (var year in YearGroups(phase))
            {
                yield return ($"y{year}", UnitKind.YearGroup, $"Year {year}", null);
            }
        }
        else
        {
            foreach (var subject in new[] { "English", "Maths", "Science" })
            {
                yield return (subject.ToLowerInvariant(), UnitKind.Subject, subject, null);
            }
            foreach (var year in YearGroups(phase).Where(y => phase == Phase.Primary || y is 6 or 11))
            {
                yield return ($"y{year}", UnitKind.YearGroup, year == 0 ? "Reception" : $"Year {year}", null);
            }
        }
        if (phase == Phase.Primary)
        {
            yield return ("early-years", UnitKind.Area, "Early years", null);
        }
        yield return ("send", UnitKind.Area, "SEND", null);
        yield return ("attendance", UnitKind.Area, "Attendance", null);
    }
}
