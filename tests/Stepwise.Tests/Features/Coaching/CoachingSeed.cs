using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Accounts;
using Stepwise.Features.Coaching;
using Stepwise.Features.People;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Coaching;

/// <summary>A pair's ids: the pair, its current step and a note, for routes that name them.</summary>
public sealed record SeededPair(int PairId, int StepId, int NoteId);

/// <summary>
/// The people coaching tests need beyond the world's one teacher per school (coaches and more teachers, stored
/// directly: the subject is coaching, not how people are invited), and pairs arranged through the API by each
/// school's head.
/// </summary>
public static class CoachingSeed
{
    public const string PrimaryCoach = "coach@primary.northstar.example";
    public const string PrimaryTeacher2 = "teacher2@primary.northstar.example";
    public const string PrimaryTeacher3 = "teacher3@primary.northstar.example";
    public const string HarbourTeacher = "teacher@harbour.example";
    public const string HarbourCoach = "coach@harbour.example";

    /// <summary>Four people for the secondary school, who start with no pair: tests arrange them.</summary>
    public static readonly string[] SecondaryStaff = ["s1@secondary.northstar.example", "s2@secondary.northstar.example", "s3@secondary.northstar.example", "s4@secondary.northstar.example", "s5@secondary.northstar.example", "s6@secondary.northstar.example"];

    /// <summary>Adds the people once per app; returns their ids by email.</summary>
    public static Task<Dictionary<string, int>> PeopleAsync(StepwiseApp app) => app.QueryAsync(async db =>
    {
        var w = app.World;
        var wanted = new List<(string Email, string Name, int TrustId, int SchoolId)>
        {
            (PrimaryCoach, "Cara Coach", w.North.Id, w.School(World.NorthPrimaryUrn).Id),
            (PrimaryTeacher2, "Tess Second", w.North.Id, w.School(World.NorthPrimaryUrn).Id),
            (PrimaryTeacher3, "Theo Third", w.North.Id, w.School(World.NorthPrimaryUrn).Id),
            (HarbourTeacher, "Hattie Harbour", w.Harbour.Id, w.School(World.HarbourUrn).Id),
            (HarbourCoach, "Hugo Harbour", w.Harbour.Id, w.School(World.HarbourUrn).Id),
        };
        wanted.AddRange(SecondaryStaff.Select((e, i) => (e, $"Secondary Teacher {i + 1}", w.North.Id, w.School(World.NorthSecondaryUrn).Id)));
        var emails = wanted.Select(p => p.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.IgnoreQueryFilters().Where(p => emails.Contains(p.NormalizedEmail!)).ToDictionaryAsync(p => p.Email!, p => p.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (email, name, trustId, schoolId) in wanted.Where(p => !existing.ContainsKey(p.Email)))
        {
            var person = new Person
            {
                TrustId = trustId, Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
                DisplayName = name, SecurityStamp = Guid.NewGuid().ToString("N"), EmailConfirmed = true, LockoutEnabled = true,
            };
            person.Memberships.Add(new Membership { TrustId = trustId, Role = Role.Teacher, SchoolId = schoolId });
            db.Users.Add(person);
            await db.SaveChangesAsync();
            existing[email] = person.Id;
        }
        return existing;
    });

    /// <summary>A client signed in (by a personal access token) as anyone of the world or one of the people above.</summary>
    public static async Task<HttpClient> ClientAsync(StepwiseApp app, string email)
    {
        var (personId, trustId) = await app.QueryAsync(db => db.Users.IgnoreQueryFilters().Where(p => p.NormalizedEmail == email.ToUpperInvariant())
            .Select(p => new ValueTuple<int, int>(p.Id, p.TrustId)).FirstAsync());
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "test");
        var issued = await scope.ServiceProvider.GetRequiredService<IssueApiToken>().HandleAsync(trustId, personId, "tests", 30, CancellationToken.None);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        return client;
    }

    /// <summary>A pair arranged by the school's head through the API, with a step agreed and a note written by the teacher (its first: the note id returned); reused if the two are already paired.</summary>
    public static async Task<SeededPair> PairAsync(StepwiseApp app, int urn, string head, string teacher, string coach, string stepTitle = "Cold-call after think-pair-share", string note = "Seeded note")
    {
        await PeopleAsync(app);
        var existing = await app.QueryAsync(db => db.CoachingPairs.IgnoreQueryFilters()
            .Where(p => p.TeacherId == db.Users.IgnoreQueryFilters().First(u => u.NormalizedEmail == teacher.ToUpperInvariant()).Id
                && p.CoachId == db.Users.IgnoreQueryFilters().First(u => u.NormalizedEmail == coach.ToUpperInvariant()).Id && p.EndedOn == null)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync());
        int pairId;
        if (existing is int id)
        {
            pairId = id;
        }
        else
        {
            var created = await (await (await app.ClientForAsync(head)).PostJsonAsync($"/api/coaching/schools/{urn}/pairs", new { teacher, coach }))
                .ReadJsonAsync(HttpStatusCode.Created);
            pairId = (int)created["id"]!;
        }
        var teacherClient = await ClientAsync(app, teacher);
        var pair = await (await teacherClient.GetAsync($"/api/coaching/pairs/{pairId}")).ReadJsonAsync();
        if (pair["currentStep"] is null)
        {
            pair = await (await teacherClient.PostJsonAsync($"/api/coaching/pairs/{pairId}/steps", new { title = stepTitle, checkBackOn = app.Today.AddDays(14) })).ReadJsonAsync();
        }
        if (!pair["notes"]!.AsArray().Any(n => (bool)n!["mine"]!))
        {
            pair = await (await teacherClient.PostJsonAsync($"/api/coaching/pairs/{pairId}/notes", new { text = note })).ReadJsonAsync();
        }
        return new SeededPair(pairId, (int)pair["currentStep"]!["id"]!, (int)pair["notes"]!.AsArray().Last(n => (bool)n!["mine"]!)!["id"]!);
    }

    /// <summary>One pair at each school of the world, for the authorisation matrix's coaching routes.</summary>
    public static async Task<Dictionary<int, SeededPair>> ForMatrixAsync(StepwiseApp app)
    {
        await PeopleAsync(app);
        return new Dictionary<int, SeededPair>
        {
            [World.NorthPrimaryUrn] = await PairAsync(app, World.NorthPrimaryUrn, World.PrimaryHead, World.PrimaryTeacher, PrimaryCoach),
            [World.NorthSecondaryUrn] = await PairAsync(app, World.NorthSecondaryUrn, World.SecondaryHead, SecondaryStaff[4], SecondaryStaff[5]),
            [World.HarbourUrn] = await PairAsync(app, World.HarbourUrn, World.HarbourHead, HarbourTeacher, HarbourCoach),
        };
    }
}
