using Stepwise.Features.Pupils;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// The groups each pupil is in on a day (<see cref="PupilGroups.Of"/>), worked out once for each stretch of days
/// over which nothing about the pupil changes: a characteristic starting or ending, or a new academic year (their
/// year group). A pupil with a row for every week of three years is worked out three times, not 120.
/// </summary>
internal sealed class PupilMemberships(IReadOnlyDictionary<int, Pupil> pupils, DateOnly today)
{
    private readonly Dictionary<int, List<(DateOnly From, DateOnly To, string[] Groups)>> _known = [];
    private readonly Dictionary<string, string[]> _sets = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<int, Pupil> Pupils => pupils;

    /// <summary>The pupil's groups on the day; none for a pupil not among the school's pupils.</summary>
    public string[] Of(int pupilId, DateOnly day)
    {
        if (!pupils.TryGetValue(pupilId, out var pupil))
        {
            return [];
        }
        if (!_known.TryGetValue(pupilId, out var stretches))
        {
            _known[pupilId] = stretches = [];
        }
        foreach (var (from, to, known) in stretches)
        {
            if (from <= day && day < to)
            {
                return known;
            }
        }
        var yearStart = AcademicYear.Of(day).StartsOn;
        var (start, end) = (yearStart, yearStart.AddYears(1));
        foreach (var c in pupil.Characteristics)
        {
            foreach (var boundary in c.To is DateOnly to && to < DateOnly.MaxValue ? [c.From, to.AddDays(1)] : new[] { c.From })
            {
                if (boundary <= day && boundary > start)
                {
                    start = boundary;
                }
                else if (boundary > day && boundary < end)
                {
                    end = boundary;
                }
            }
        }
        // Pupils in the same groups share one array: figures count pupils by their set of groups (ADR 0073).
        var found = PupilGroups.Of(pupil, day, today).ToArray();
        var key = string.Join('\u001f', found);
        if (!_sets.TryGetValue(key, out var groups))
        {
            _sets[key] = groups = found;
        }
        stretches.Add((start, end, groups));
        return groups;
    }
}
