using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Enquiries;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Rounds;

/// <summary>A group of observers as a form or the API sends it: its name and its observers' email addresses.</summary>
public sealed class RoundGroupInput
{
    public string? Name { get; set; }
    public List<string> Observers { get; set; } = [];
}

/// <summary>A round to plan: its schools (several make a network round), its look-fors (keys of the current language), its groups.</summary>
public sealed class RoundInput
{
    public string? Title { get; set; }
    public string? ProblemOfPractice { get; set; }
    public DateOnly? HeldOn { get; set; }
    public List<int> SchoolUrns { get; set; } = [];
    public List<string> LookFors { get; set; } = [];

    /// <summary>The fewest classrooms visited before counts show: 5 unless raised; never lower.</summary>
    public int? MinimumClassrooms { get; set; }

    public List<RoundGroupInput> Groups { get; set; } = [];

    /// <summary>The network the round belongs to, by id (optional).</summary>
    public int? NetworkId { get; set; }
}

public sealed class RoundStageInput
{
    /// <summary>planned, observing, debrief or closed.</summary>
    public string? Stage { get; set; }
}

/// <summary>
/// Plans a round (school or network, problem of practice, look-fors from the trust's current language, groups of
/// observers, its minimum of classrooms) and moves it through its stages, Planned → Observing → Debrief → Closed.
/// Only those who may lead rounds at every school of the round.
/// </summary>
public sealed class PlanRound(AppDbContext db, AccessControl access, RoundAccess rounds, ReadLanguage language, SaveTeam people, TimeProvider clock)
{
    public async Task<Outcome<Round>> CreateAsync(RoundInput input, CancellationToken ct)
    {
        if (access.PersonId is null && !access.IsSystem || await access.SchoolIdsAsync(Permission.LeadRounds, ct) is { Count: 0 })
        {
            return Outcome<Round>.Forbidden();
        }
        var problems = new Problems()
            .Require("title", input.Title, "round's title", 200)
            .Require("problemOfPractice", input.ProblemOfPractice, "problem of practice", 2000);
        if (input.HeldOn is null)
        {
            problems.Add("heldOn", "Enter the date of the round.");
        }
        var schoolIds = new List<int>();
        foreach (var urn in input.SchoolUrns.Distinct())
        {
            var school = await access.FindSchoolAsync(urn, ct);
            if (school is null)
            {
                problems.Add("schoolUrns", $"There is no school with URN {urn} that you may see.");
            }
            else if (!await rounds.CanLeadAsync(school.Id, ct))
            {
                problems.Add("schoolUrns", $"You may not lead rounds at {school.Name}: its leaders or the trust's can plan a round there.");
            }
            else
            {
                schoolIds.Add(school.Id);
            }
        }
        if (input.SchoolUrns.Count == 0)
        {
            problems.Add("schoolUrns", "Choose the school the round visits (several make a network round).");
        }
        var current = await language.CurrentAsync(ct);
        var lookFors = new List<LanguageItem>();
        if (current is null)
        {
            problems.Add("lookFors", "The trust has no published shared language yet: publish its look-fors first (Shared language).");
        }
        else
        {
            foreach (var key in input.LookFors.Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (current.LookFors.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.OrdinalIgnoreCase)) is { } item)
                {
                    lookFors.Add(item);
                }
                else
                {
                    problems.Add("lookFors", $"\"{key}\" is not a look-for of the trust's current language (version {current.Version.Number}).");
                }
            }
            if (input.LookFors.Count == 0)
            {
                problems.Add("lookFors", "Choose at least one look-for: what the observers will look for.");
            }
        }
        var minimum = input.MinimumClassrooms ?? RoundRules.MinimumClassrooms;
        if (minimum < RoundRules.MinimumClassrooms)
        {
            problems.Add("minimumClassrooms",
                $"The minimum of classrooms must be at least {RoundRules.MinimumClassrooms}: counts from fewer classrooms could point at one teacher. A trust may raise it, never lower it.");
        }
        else if (minimum > 200)
        {
            problems.Add("minimumClassrooms", "The minimum of classrooms must be 200 or fewer.");
        }
        var groups = await GroupsAsync(input.Groups, problems, ct);
        if (input.NetworkId is int networkId && !await db.Networks.AnyAsync(n => n.Id == networkId && n.ArchivedAt == null, ct))
        {
            problems.Add("networkId", $"There is no network {networkId} in your trust.");
        }
        if (problems.Any)
        {
            return Outcome<Round>.Invalid(problems);
        }
        var trustId = await db.Schools.Where(s => s.Id == schoolIds[0]).Select(s => s.TrustId).FirstAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var round = new Round
        {
            TrustId = trustId, Title = input.Title!.Trim(), ProblemOfPractice = input.ProblemOfPractice!.Trim(), HeldOn = input.HeldOn!.Value,
            LanguageVersionId = current!.Version.Id, MinimumClassrooms = minimum, Stage = RoundStage.Planned, NetworkId = input.NetworkId,
            CreatedAt = clock.UtcNow(), CreatedBy = await ActingPerson.NameAsync(db, ct),
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        db.RoundSchools.AddRange(schoolIds.Select(s => new RoundSchool { TrustId = trustId, RoundId = round.Id, SchoolId = s }));
        db.RoundLookFors.AddRange(lookFors.Select(l => new RoundLookFor { TrustId = trustId, RoundId = round.Id, LanguageItemId = l.Id }));
        foreach (var (name, observers) in groups)
        {
            var group = new RoundGroup { TrustId = trustId, RoundId = round.Id, Name = name };
            db.RoundGroups.Add(group);
            await db.SaveChangesAsync(ct);
            db.RoundObservers.AddRange(observers.Select(p => new RoundObserver { TrustId = trustId, RoundId = round.Id, GroupId = group.Id, PersonId = p }));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Round>.Ok(round);
    }

    /// <summary>Moves the round one stage on (Planned → Observing → Debrief → Closed), or back one while it is not closed.</summary>
    public async Task<Outcome<Round>> StageAsync(int roundId, RoundStageInput input, CancellationToken ct)
    {
        if (await rounds.ForRoundAsync(roundId, ct) is not { } rights)
        {
            return Outcome<Round>.NotFound();
        }
        if (!rights.Lead)
        {
            return Outcome<Round>.Forbidden();
        }
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId, ct);
        var problems = new Problems();
        if (!Codes.TryParse(Text.Clean(input.Stage), out RoundStage stage))
        {
            problems.Add("stage", $"The stage must be one of {Codes.List<RoundStage>()}.");
        }
        else if (round.Stage == RoundStage.Closed && stage != RoundStage.Closed)
        {
            problems.Add("stage", "The round is closed: its record stays as it is.");
        }
        else if (Math.Abs((int)stage - (int)round.Stage) > 1)
        {
            problems.Add("stage", $"A round moves one stage at a time (planned → observing → debrief → closed): it is at {Codes.Of(round.Stage)}.");
        }
        if (problems.Any)
        {
            return Outcome<Round>.Invalid(problems);
        }
        round.Stage = stage;
        await db.SaveChangesAsync(ct);
        return Outcome<Round>.Ok(round);
    }

    /// <summary>The groups with their observers' person ids; an observer in one group only.</summary>
    private async Task<List<(string Name, List<int> Observers)>> GroupsAsync(List<RoundGroupInput> input, Problems problems, CancellationToken ct)
    {
        var groups = new List<(string, List<int>)>();
        var seen = new HashSet<int>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var who = await people.PeopleWhoMayJoinAsync(ct);
        foreach (var group in input.Where(g => Text.Clean(g.Name) is not null || g.Observers.Any(o => Text.Clean(o) is not null)))
        {
            if (Text.Clean(group.Name) is not string name)
            {
                problems.Add("groups", "Give each group of observers a name (Group A, say).");
                continue;
            }
            if (name.Length > 80)
            {
                problems.Add("groups", $"The group's name \"{name[..40]}…\" must be 80 characters or fewer.");
                continue;
            }
            if (!names.Add(name))
            {
                problems.Add("groups", $"Two groups are called \"{name}\": give each its own name.");
                continue;
            }
            var observers = new List<int>();
            foreach (var email in group.Observers.Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var normalised = email.ToUpperInvariant();
                var id = await who.Where(p => p.NormalizedEmail == normalised).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
                if (id is not int personId)
                {
                    problems.Add("groups", $"No one of the trust at the schools you may see has the email address {email}.");
                }
                else if (!seen.Add(personId))
                {
                    problems.Add("groups", $"{email} is in two groups: an observer visits classrooms with one group.");
                }
                else
                {
                    observers.Add(personId);
                }
            }
            if (observers.Count == 0 && !problems.Any)
            {
                problems.Add("groups", $"Choose at least one observer for {name}.");
            }
            groups.Add((name, observers));
        }
        if (groups.Count == 0)
        {
            problems.Add("groups", "Add at least one group of observers, with its observers.");
        }
        return groups;
    }
}
