using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Features.Rounds;
using Stepwise.Features.SharedLanguage;
using Stepwise.Tests.Features.SharedLanguage;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Rounds;

/// <summary>
/// A round stored directly at one or more schools, with the trust's current look-fors (a language is published first
/// when the trust has none), one group per entry of <c>groups</c> and its classrooms: the arrange step of tests whose
/// subject is not the planning of a round.
/// </summary>
public static class RoundSeed
{
    public static async Task<int> RoundAsync(StepwiseApp app, int[] urns, RoundStage stage, int classrooms = 0,
        (string Name, string[] Observers)[]? groups = null, string title = "Talk in maths")
    {
        var trustId = app.World.School(urns[0]).TrustId;
        var published = await app.QueryAsync(db => db.LanguageVersions.IgnoreQueryFilters().AnyAsync(v => v.TrustId == trustId && v.PublishedAt != null));
        if (!published)
        {
            await LanguageSeed.PublishedAsync(app, trustId);
        }
        groups ??= [("Group A", [])];
        return await app.QueryAsync(async db =>
        {
            var version = await db.LanguageVersions.IgnoreQueryFilters().Where(v => v.TrustId == trustId && v.PublishedAt != null).OrderByDescending(v => v.Number).FirstAsync();
            var lookFors = await db.LanguageItems.IgnoreQueryFilters().Where(i => i.LanguageVersionId == version.Id && i.Kind == LanguageItemKind.LookFor).ToListAsync();
            var round = new Round
            {
                TrustId = trustId, Title = title, ProblemOfPractice = "Pupils' talk in maths is mostly recall.", HeldOn = app.Today,
                LanguageVersionId = version.Id, Stage = stage, CreatedAt = app.Clock.UtcNow(), CreatedBy = "test",
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            db.RoundSchools.AddRange(urns.Select(u => new RoundSchool { TrustId = trustId, RoundId = round.Id, SchoolId = app.World.School(u).Id }));
            db.RoundLookFors.AddRange(lookFors.Select(l => new RoundLookFor { TrustId = trustId, RoundId = round.Id, LanguageItemId = l.Id }));
            for (var i = 0; i < groups.Length; i++)
            {
                var group = new RoundGroup { TrustId = trustId, RoundId = round.Id, Name = groups[i].Name, ClassroomsVisited = i == 0 ? classrooms : 0 };
                db.RoundGroups.Add(group);
                await db.SaveChangesAsync();
                db.RoundObservers.AddRange(groups[i].Observers.Select(e => new RoundObserver { TrustId = trustId, RoundId = round.Id, GroupId = group.Id, PersonId = app.World.Person(e).Id }));
            }
            await db.SaveChangesAsync();
            return round.Id;
        });
    }

    public static Task StageAsync(StepwiseApp app, int roundId, RoundStage stage) =>
        app.QueryAsync(async db =>
        {
            var round = await db.Rounds.IgnoreQueryFilters().FirstAsync(r => r.Id == roundId);
            round.Stage = stage;
            return await db.SaveChangesAsync();
        });

    /// <summary>For the authorisation matrix: a round at each school of the world, at its debrief, with a note sorted into a pattern.</summary>
    public static async Task<Dictionary<int, (int RoundId, int PatternId)>> ForMatrixAsync(StepwiseApp app)
    {
        var result = new Dictionary<int, (int, int)>();
        foreach (var urn in new[] { World.NorthPrimaryUrn, World.NorthSecondaryUrn, World.HarbourUrn })
        {
            var roundId = await RoundAsync(app, [urn], RoundStage.Debrief, classrooms: 5, title: $"Matrix round {urn}");
            var trustId = app.World.School(urn).TrustId;
            var patternId = await app.QueryAsync(async db =>
            {
                var note = new RoundNote { Id = Guid.NewGuid(), TrustId = trustId, RoundId = roundId, PupilsDoing = $"Pupils explain their reasoning ({urn})" };
                db.RoundNotes.Add(note);
                var pattern = new RoundPattern { TrustId = trustId, RoundId = roundId, Name = "Reasons given" };
                db.RoundPatterns.Add(pattern);
                await db.SaveChangesAsync();
                db.RoundPatternNotes.Add(new RoundPatternNote { TrustId = trustId, PatternId = pattern.Id, NoteId = note.Id });
                await db.SaveChangesAsync();
                return pattern.Id;
            });
            result[urn] = (roundId, patternId);
        }
        return result;
    }
}
