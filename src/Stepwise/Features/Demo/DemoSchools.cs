using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Demo;

/// <summary>
/// The demo trust's schools: invented names and URNs from 990001 (real URNs run from 100000 to about 150000),
/// so judgements and survey results shown in the demo can never be read as a real school's.
/// </summary>
/// <remarks>
/// Context figures are medians of groups of real schools, not any one school's row. Source: the DfE January census
/// (shared/data/dfe-england-2019/england_census.csv, c. 2019/20), state-funded schools in Hampshire (LA 850) and
/// Surrey (LA 936). FSM is NUMFSM/NOR, disadvantaged is PNUMFSMEVER, SEN support PSENELK, EHC plan PSENELSE,
/// EAL PNUMEAL, girls PNORG.
/// Primaries: medians of the 44 primaries (of 721) ranked within 3 points of the 15th, 50th, 80th and 95th
/// percentiles of FSM-ever (4.7 %, 11.1 %, 20.9 %, 36.5 %). Their rolls are one- to three-form-entry sizes within
/// the county spread (quartiles 177, 253, 366; 90th percentile 452).
/// Secondary: medians of the 13 secondaries (of 125) within 5 points of the 60th percentile of FSM-ever; roll 950
/// (county median 1,006). Special: medians of all 50 special schools; roll 140 (75th percentile 128, 90th 151).
/// </remarks>
internal static class DemoSchools
{
    public sealed record Spec(
        int Urn, string Name, Phase Phase, string Type, string LocalAuthority, string Postcode,
        int Pupils, double Fsm, double Disadvantaged, double SenSupport, double EhcPlan, double Eal, double Girls);

    public static readonly Spec[] All =
    [
        // URN, name, phase, type, local authority, postcode, roll, % FSM, % disadvantaged, % SEN support, % EHC plan, % EAL, % girls
        new(990001, "Larkhaven Primary School", Phase.Primary, "Academy converter", "Hampshire", "SO22 5QA", 418, 7.8, 11.1, 9.7, 1.2, 5.0, 49.6),
        new(990002, "Brackenmoor Primary Academy", Phase.Primary, "Academy sponsor led", "Hampshire", "PO9 2RT", 315, 15.0, 20.9, 13.5, 1.8, 7.8, 48.7),
        new(990003, "Kestrelmead Primary School", Phase.Primary, "Academy converter", "Hampshire", "GU14 8BX", 612, 3.5, 4.7, 8.4, 1.5, 6.7, 49.3),
        new(990004, "St Wenna's Fellgate CofE Primary School", Phase.Primary, "Academy converter", "Surrey", "GU21 4LP", 204, 25.1, 36.5, 17.3, 2.2, 10.4, 48.8),
        new(990005, "Larkhaven Academy", Phase.Secondary, "Academy converter", "Hampshire", "SO23 7DN", 950, 9.6, 19.5, 12.9, 2.2, 6.6, 50.3),
        new(990006, "Willowmere Brook School", Phase.Special, "Academy special converter", "Hampshire", "SO50 4GN", 140, 29.2, 37.1, 0.0, 100.0, 4.9, 27.2),
    ];

    public static int[] YearGroups(Phase phase) => phase switch
    {
        Phase.Primary => [0, 1, 2, 3, 4, 5, 6],
        Phase.Secondary => [7, 8, 9, 10, 11],
        _ => [3, 4, 5, 6, 7, 8, 9, 10, 11],
    };

    /// <summary>Units below the whole school: (key, kind, name, parent key). Parents come before their children.</summary>
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
            yield return ("pastoral", UnitKind.Team, "Pastoral team", null);
        }
        else
        {
            foreach (var subject in new[] { "English", "Maths", "Science" })
            {
                yield return (subject.ToLowerInvariant(), UnitKind.Subject, subject, null);
            }
        }
        if (phase == Phase.Primary)
        {
            // Reception is the last year of the early years foundation stage, so it sits in that area.
            yield return ("early-years", UnitKind.Area, "Early years", null);
            yield return ("early-years-team", UnitKind.Team, "Early years team", "early-years");
        }
        if (phase == Phase.Special)
        {
            yield return ("therapies", UnitKind.Team, "Therapy and health team", null);
        }
        foreach (var year in YearGroups(phase))
        {
            yield return ($"y{year}", UnitKind.YearGroup, year == 0 ? "Reception" : $"Year {year}", year == 0 ? "early-years" : null);
        }
        yield return ("send", UnitKind.Area, "SEND", null);
        yield return ("attendance", UnitKind.Area, "Attendance", null);
    }
}
