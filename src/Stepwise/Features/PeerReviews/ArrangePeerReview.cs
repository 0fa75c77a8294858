using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.PeerReviews;

/// <summary>What a person sends to arrange a review (the page's form and the API's body).</summary>
public sealed record ArrangeInput
{
    /// <summary>The host school's URN.</summary>
    public int? School { get; init; }

    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }

    /// <summary>The framework whose latest version's areas are the focus areas (default: the trust's Ofsted framework).</summary>
    public string? Framework { get; init; }

    /// <summary>The focus areas: keys of areas of that version.</summary>
    public List<string>? Areas { get; init; }

    /// <summary>The team: email addresses of people of the trust who do not work at the host school.</summary>
    public List<string>? Team { get; init; }

    /// <summary>The lead reviewer's email address (one of the team).</summary>
    public string? Lead { get; init; }
}

/// <summary>A person who could join a review team, with the school they would come from.</summary>
public sealed record ReviewerChoice(int PersonId, string Email, string Name, string? JobTitle, int? SchoolId, string From);

/// <summary>
/// Arranges a peer review of a school (ArrangePeerReviews): dates, the framework version whose areas are the focus
/// areas, the focus areas, and a team from other schools of the trust with one lead. The review uses the trust's
/// current scale (the starter scale is adopted as version 1 if the trust has none). Nothing is stored if anything is wrong.
/// </summary>
public sealed class ArrangePeerReview(AppDbContext db, AccessControl access, ReviewScales scales, FrameworkCatalogue catalogue, TimeProvider clock)
{
    public async Task<Outcome<PeerReview>> HandleAsync(ArrangeInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct))
        {
            return Outcome<PeerReview>.Forbidden();
        }
        var problems = new Problems();
        var school = input.School is int urn ? await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn, ct) : null;
        if (school is null)
        {
            problems.Add("school", input.School is null ? "Choose the school to be reviewed." : $"There is no school with URN {input.School} in your trust.");
        }
        if (input.StartsOn is null)
        {
            problems.Add("startsOn", "Enter the first day of the review.");
        }
        if (input.EndsOn is null)
        {
            problems.Add("endsOn", "Enter the last day of the review.");
        }
        else if (input.StartsOn is DateOnly s && input.EndsOn < s)
        {
            problems.Add("endsOn", "The last day must be on or after the first day.");
        }
        var version = await FrameworkAsync(input.Framework, ct);
        var areas = new List<FrameworkArea>();
        if (version is null)
        {
            problems.Add("framework", input.Framework is null ? "Your trust has no framework yet: add one first." : $"Your trust has no framework \"{input.Framework}\".");
        }
        else
        {
            foreach (var key in (input.Areas ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct())
            {
                if (version.Areas.FirstOrDefault(a => a.Key == key) is { } area)
                {
                    areas.Add(area);
                }
                else
                {
                    problems.Add("areas", $"{version.Framework.Name} has no area \"{key}\".");
                }
            }
            if (areas.Count == 0 && !problems.ToDictionary().ContainsKey("areas"))
            {
                problems.Add("areas", "Choose at least one focus area.");
            }
        }
        var candidates = await CandidatesAsync(school?.Id, ct);
        var team = new List<ReviewerChoice>();
        foreach (var email in (input.Team ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var person = candidates.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
            if (person is null)
            {
                problems.Add("team", $"{email} is not a person of your trust.");
            }
            else if (school is not null && person.SchoolId == school.Id)
            {
                problems.Add("team", $"{person.Name} works at {school.Name}: reviewers come from other schools of the trust.");
            }
            else
            {
                team.Add(person);
            }
        }
        if (team.Count == 0 && !problems.ToDictionary().ContainsKey("team"))
        {
            problems.Add("team", "Choose at least one reviewer.");
        }
        var lead = team.FirstOrDefault(t => string.Equals(t.Email, input.Lead?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (lead is null && team.Count > 0)
        {
            problems.Add("lead", string.IsNullOrWhiteSpace(input.Lead) ? "Choose the lead reviewer from the team." : $"The lead reviewer, {input.Lead}, must be one of the team.");
        }
        if (problems.Any)
        {
            return Outcome<PeerReview>.Invalid(problems);
        }

        var scale = await scales.CurrentOrStarterAsync(ct);
        var review = new PeerReview
        {
            SchoolId = school!.Id, FrameworkVersionId = version!.Version.Id, ReviewScaleId = scale.Id, StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value,
            Status = PeerReviewStatus.Planned, CreatedAt = clock.UtcNow(), CreatedBy = await ActingPerson.NameAsync(db, ct),
        };
        db.PeerReviews.Add(review);
        await db.SaveChangesAsync(ct);
        db.PeerReviewAreas.AddRange(areas.Select(a => new PeerReviewArea { PeerReviewId = review.Id, FrameworkAreaId = a.Id }));
        db.PeerReviewers.AddRange(team.Select(t => new PeerReviewer { PeerReviewId = review.Id, PersonId = t.PersonId, FromSchoolId = t.SchoolId, IsLead = t == lead }));
        await db.SaveChangesAsync(ct);
        return Outcome<PeerReview>.Ok(review);
    }

    /// <summary>The latest version of the framework named (default the trust's Ofsted framework, else its first).</summary>
    public async Task<LoadedVersion?> FrameworkAsync(string? key, CancellationToken ct)
    {
        if (key is not null)
        {
            return await catalogue.LoadByKeyAsync(key.Trim(), FrameworkLevel.School, ct);
        }
        if (await catalogue.LoadByKeyAsync(FrameworkLibrary.Ofsted, ct) is { } ofsted)
        {
            return ofsted;
        }
        return (await catalogue.ListAsync(FrameworkLevel.School, ct)).FirstOrDefault() is { } first ? await catalogue.LoadAsync(first.Id, null, ct) : null;
    }

    /// <summary>
    /// The people of the trust who could review, each with the school they would come from: their first active
    /// school membership other than the host (none for trust staff).
    /// </summary>
    public async Task<List<ReviewerChoice>> CandidatesAsync(int? hostId, CancellationToken ct)
    {
        var today = clock.Today();
        var people = await db.Users.AsNoTracking().Where(p => p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Email, p.DisplayName, p.JobTitle, Schools = p.Memberships.Where(m => m.EndsOn == null || m.EndsOn >= today).Select(m => m.SchoolId).ToList() })
            .ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return people.Where(p => p.Schools.Count > 0).Select(p =>
        {
            var at = p.Schools.Where(s => s is not null).Select(s => s!.Value).OrderBy(s => s == hostId ? 1 : 0).ThenBy(s => s).Cast<int?>().FirstOrDefault();
            return new ReviewerChoice(p.Id, p.Email!, p.DisplayName, p.JobTitle, at, at is int s ? schools[s] : "The trust");
        }).OrderBy(c => c.From == "The trust" ? "" : c.From).ThenBy(c => c.Name).ToList();
    }

    /// <summary>The schools a review could be of: the trust's open schools, by name.</summary>
    public async Task<List<(int Urn, string Name)>> HostChoicesAsync(CancellationToken ct) =>
        (await db.Schools.AsNoTracking().Where(s => s.ArchivedAt == null).OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync(ct))
            .Select(s => (s.Urn, s.Name)).ToList();
}
