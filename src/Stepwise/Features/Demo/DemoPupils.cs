using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Demo;

/// <summary>
/// Synthetic pupils whose characteristic rates follow each school's context. The same seed gives the same pupils
/// (their pseudonymous keys differ between installations because each trust's secret does).
/// </summary>
internal sealed class DemoPupils(byte[] trustSecret, int trustId)
{
    private static readonly DateOnly YearStart = new(2025, 9, 1);
    private static readonly DateOnly SpringTerm = new(2026, 1, 5);
    private readonly Random _random = new(20261123);

    public List<Pupil> Generate(Dictionary<int, School> schools)
    {
        var pupils = new List<Pupil>();
        foreach (var spec in DemoSchools.All)
        {
            var school = schools[spec.Urn];
            var years = DemoSchools.YearGroups(spec.Phase);
            for (var i = 0; i < spec.Pupils; i++)
            {
                pupils.Add(Pupil(school, spec, years[i % years.Length]));
            }
        }
        return pupils;
    }

    private Pupil Pupil(School school, DemoSchools.Spec spec, int year)
    {
        var pupil = new Pupil
        {
            TrustId = trustId,
            SchoolId = school.Id,
            YearGroup = year,
            Key = PupilKey.FromUpn(Upn(), trustSecret),
        };
        // FSM now is (nearly always) within FSM at any time in six years, which makes a pupil disadvantaged.
        var disadvantaged = Chance(spec.Disadvantaged);
        var fsm = disadvantaged && Chance(100 * spec.Fsm / Math.Max(spec.Disadvantaged, 0.1));
        var sen = Chance(spec.EhcPlan) ? "ehc-plan" : Chance(spec.SenSupport) ? "sen-support" : "none";
        Add(pupil, Characteristic.Disadvantaged, disadvantaged ? "yes" : "no");
        if (fsm && Chance(8))
        {
            // Became eligible for free school meals at the start of the spring term.
            Add(pupil, Characteristic.FreeSchoolMeals, "no", to: SpringTerm.AddDays(-1));
            Add(pupil, Characteristic.FreeSchoolMeals, "yes", from: SpringTerm);
        }
        else
        {
            Add(pupil, Characteristic.FreeSchoolMeals, fsm ? "yes" : "no");
        }
        Add(pupil, Characteristic.Sen, sen);
        Add(pupil, Characteristic.EnglishAdditionalLanguage, Chance(spec.Eal) ? "yes" : "no");
        Add(pupil, Characteristic.Sex, Chance(spec.Phase == Phase.Special ? 30 : 49) ? "F" : "M");
        return pupil;
    }

    private void Add(Pupil pupil, Characteristic kind, string value, DateOnly? from = null, DateOnly? to = null) =>
        pupil.Characteristics.Add(new PupilCharacteristic { TrustId = trustId, Kind = kind, Value = value, From = from ?? YearStart, To = to });

    private bool Chance(double percent) => _random.NextDouble() * 100 < percent;

    /// <summary>A well-formed but made-up UPN: check letter, 11 digits, final character.</summary>
    private string Upn() =>
        $"{(char)('A' + _random.Next(26))}{_random.NextInt64(10_000_000_000, 99_999_999_999)}{_random.Next(10)}";
}
