using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Demo;

/// <summary>
/// Synthetic pupils whose characteristic rates today match each school's published context exactly (so the demo's
/// pupil-level figures agree with its school figures). The same seed gives the same pupils; their
/// pseudonymous keys differ between installations because each trust's secret does.
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
            pupils.AddRange(ForSchool(schools[spec.Urn], spec));
        }
        return pupils;
    }

    private IEnumerable<Pupil> ForSchool(School school, DemoSchools.Spec spec)
    {
        var n = spec.Pupils;
        var years = DemoSchools.YearGroups(spec.Phase);
        // Each characteristic picks its pupils from a shuffled order, so the counts are exact and independent.
        var disadvantaged = Pick(n, spec.Disadvantaged);
        var fsm = Enumerable.Range(0, n).Where(disadvantaged.Contains).Take(Count(n, spec.Fsm)).ToList();
        var ehc = Pick(n, spec.EhcPlan);
        var support = Pick(n, spec.SenSupport, except: ehc);
        var eal = Pick(n, spec.Eal);
        var girls = Pick(n, spec.Girls);
        // A little history: some pupils became eligible for free school meals (and so disadvantaged), or were
        // identified for SEN support, at the start of the spring term. Today's counts still match the school's.
        var newlyEligible = fsm.Where((_, i) => i % 12 == 0).ToHashSet();
        var newlySupported = support.Order().Where((_, i) => i % 8 == 0).ToHashSet();
        var fsmSet = fsm.ToHashSet();

        for (var i = 0; i < n; i++)
        {
            var pupil = new Pupil { TrustId = trustId, SchoolId = school.Id, YearGroup = years[i % years.Length], Key = PupilKey.FromUpn(Upn(), trustSecret) };
            if (newlyEligible.Contains(i))
            {
                AddChange(pupil, Characteristic.Disadvantaged, "no", "yes");
                AddChange(pupil, Characteristic.FreeSchoolMeals, "no", "yes");
            }
            else
            {
                Add(pupil, Characteristic.Disadvantaged, disadvantaged.Contains(i) ? "yes" : "no");
                Add(pupil, Characteristic.FreeSchoolMeals, fsmSet.Contains(i) ? "yes" : "no");
            }
            if (newlySupported.Contains(i))
            {
                AddChange(pupil, Characteristic.Sen, "none", "sen-support");
            }
            else
            {
                Add(pupil, Characteristic.Sen, ehc.Contains(i) ? "ehc-plan" : support.Contains(i) ? "sen-support" : "none");
            }
            Add(pupil, Characteristic.EnglishAdditionalLanguage, eal.Contains(i) ? "yes" : "no");
            Add(pupil, Characteristic.Sex, girls.Contains(i) ? "F" : "M");
            yield return pupil;
        }
    }

    /// <summary>One value from the start of the year, replaced by another from the spring term.</summary>
    private void AddChange(Pupil pupil, Characteristic kind, string before, string after)
    {
        Add(pupil, kind, before, to: SpringTerm.AddDays(-1));
        Add(pupil, kind, after, from: SpringTerm);
    }

    private static int Count(int n, double percent) => (int)Math.Round(n * percent / 100, MidpointRounding.AwayFromZero);

    private HashSet<int> Pick(int n, double percent, HashSet<int>? except = null)
    {
        var order = Enumerable.Range(0, n).Where(i => except is null || !except.Contains(i)).ToArray();
        _random.Shuffle(order);
        return order.Take(Count(n, percent)).ToHashSet();
    }

    private void Add(Pupil pupil, Characteristic kind, string value, DateOnly? from = null, DateOnly? to = null) =>
        pupil.Characteristics.Add(new PupilCharacteristic { TrustId = trustId, SchoolId = pupil.SchoolId, Kind = kind, Value = value, From = from ?? YearStart, To = to });

    /// <summary>A well-formed but made-up UPN: a letter, 11 digits and a final digit.</summary>
    private string Upn() =>
        $"{(char)('A' + _random.Next(26))}{_random.NextInt64(10_000_000_000, 99_999_999_999)}{_random.Next(10)}";
}
