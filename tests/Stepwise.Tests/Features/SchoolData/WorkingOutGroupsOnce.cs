using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>
/// A million attendance rows are broken down by group with each pupil's groups worked out once per stretch of days
/// over which nothing about them changes; the answer must be the one worked out afresh for every day.
/// </summary>
public sealed class WorkingOutGroupsOnce
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Groups_remembered_for_a_stretch_of_days_are_the_groups_of_every_day_in_it()
    {
        var random = new Random(4);
        var pupils = Enumerable.Range(1, 40).ToDictionary(id => id, id => Pupil(id, random));
        var memberships = new PupilMemberships(pupils, Today);
        var days = Enumerable.Range(0, 3 * 365).Select(d => new DateOnly(2022, 8, 1).AddDays(d)).ToList();

        // In a random order, so remembered stretches are met from both sides and out of turn.
        foreach (var day in days.OrderBy(_ => random.Next()))
        {
            foreach (var pupil in pupils.Values)
            {
                Assert.Equal(PupilGroups.Of(pupil, day, Today), memberships.Of(pupil.Id, day));
            }
        }
        Assert.Empty(memberships.Of(999, Today));
    }

    /// <summary>A pupil whose characteristics change on odd days, some open-ended and some not, some before anything was recorded.</summary>
    private static Pupil Pupil(int id, Random random)
    {
        var pupil = new Pupil { Id = id, Key = $"k{id}", YearGroup = random.Next(0, 14), LeftOn = id % 7 == 0 ? new DateOnly(2024, 7, 19) : null };
        var values = new Dictionary<Characteristic, string[]>
        {
            [Characteristic.Disadvantaged] = ["yes", "no"],
            [Characteristic.Sen] = ["none", "sen-support", "ehc-plan"],
            [Characteristic.EnglishAdditionalLanguage] = ["yes", "no"],
            [Characteristic.Sex] = ["F", "M"],
        };
        foreach (var (kind, choices) in values)
        {
            var from = new DateOnly(2022, 1, 1).AddDays(random.Next(0, 700));
            for (var i = 0; i < random.Next(1, 4); i++)
            {
                var to = random.Next(3) == 0 ? (DateOnly?)null : from.AddDays(random.Next(1, 300));
                pupil.Characteristics.Add(new PupilCharacteristic { Kind = kind, Value = choices[random.Next(choices.Length)], From = from, To = to });
                if (to is not DateOnly end)
                {
                    break;
                }
                from = end.AddDays(random.Next(1, 60));
            }
        }
        return pupil;
    }
}
