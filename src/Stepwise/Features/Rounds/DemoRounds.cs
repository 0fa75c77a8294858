using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Rounds;

/// <summary>
/// The demo trust's instructional rounds: one at Larkhaven on pupils' reasoning (closed, its next level of work an
/// action in the school's plan) and a network round at Larkhaven and Brackenmoor on talk in maths (at its debrief, its
/// next level of work an enquiry for the trust's maths network). Their look-fors come from the trust's published shared
/// language; when the demo has none yet, a small one is published here so the rounds have look-fors either way.
/// </summary>
public static class DemoRounds
{
    public static async Task AddAsync(Data.AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var people = await db.Users.Where(p => p.TrustId == trustId).ToDictionaryAsync(p => p.Email!.Split('@')[0], p => p.Id, ct);
        var lookFors = await LookForsAsync(db, trustId, now, ct);
        LanguageItem Find(params string[] words) =>
            lookFors.FirstOrDefault(l => words.Any(w => l.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || l.Key.Contains(w, StringComparison.OrdinalIgnoreCase)))
            ?? lookFors[0];
        var reasoning = Find("reason", "explain");
        var questions = Find("question");
        var talk = Find("talk", "discuss");
        var task = Find("task", "challenge");
        var chosen = new[] { reasoning, questions, talk, task }.Distinct().ToList();

        // 1. Larkhaven, closed: pupils explaining their reasoning in Key Stage 2.
        var first = await RoundAsync(db, trustId, lookFors[0].LanguageVersionId, [schools[990001]], "Reasoning in Key Stage 2",
            "When pupils answer, they give the answer but rarely explain how they know.", today.AddDays(-45), RoundStage.Closed,
            "Pupils would know how to get answers and recall facts quickly; they would rarely be able to say why a method works or convince a partner.",
            chosen, [("Group A", [people["claire.dawson"], people["sophie.brennan"]], 3), ("Group B", [people["tom.fletcher"], people["daniel.hughes"]], 3)], now, ct);
        var notes1 = new (string? Teacher, string? Pupils, string? Task, string Year, string Subject, LanguageItem[] Tags)[]
        {
            ("Asks \"What is 7 × 8?\" and takes the first hand up.", "Three pupils answer; the rest wait.", "Times-table practice on whiteboards", "Year 4", "Maths", [questions]),
            ("Asks \"How do you know?\" after an answer and waits.", "A pupil explains using the array on the board; another adds to it.", "Arrays to show multiplication", "Year 4", "Maths", [reasoning, questions]),
            ("Reads the question aloud and models the first step.", "Pupils copy the method for the next four questions.", "Column subtraction worksheet", "Year 5", "Maths", [task]),
            ("\"Turn to your partner: which answer is wrong and why?\"", "Pairs argue about two answers; most pairs agree on one.", "Spot the mistake", "Year 5", "Maths", [reasoning, talk]),
            ("Asks for the word that means a group of sentences.", "One pupil says \"paragraph\".", "Labelling a text", "Year 6", "English", [questions]),
            ("\"Tell your partner why the author chose this word.\"", "Pupils talk in pairs; some repeat the question.", "Reading a poem", "Year 6", "English", [talk, reasoning]),
        };
        var notes = await NotesAsync(db, trustId, first.Id, notes1, ct);
        await PatternAsync(db, trustId, first.Id, 0, "Questions mostly have one right answer", "Most questions checked recall; few asked pupils to explain.", [notes[0], notes[2], notes[4]], ct);
        await PatternAsync(db, trustId, first.Id, 1, "Partner talk opens up reasoning", "Where pupils talked in pairs about why, they explained their thinking.", [notes[1], notes[3], notes[5]], ct);
        var priority = await db.Priorities.Where(p => p.SchoolId == schools[990001].Id).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        int? actionId = null;
        if (priority is not null)
        {
            var action = new PlanAction
            {
                TrustId = trustId, SchoolId = schools[990001].Id, PriorityId = priority.Id, Owner = "Tom Fletcher",
                Title = "Every maths lesson asks \"How do you know?\" at least twice, with partner talk before answers", StartsOn = today.AddDays(-30), DueOn = today.AddDays(60),
                Status = ActionStatus.InProgress,
            };
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(ct);
            actionId = action.Id;
        }
        db.RoundNextSteps.Add(new RoundNextStep
        {
            TrustId = trustId, RoundId = first.Id, PlanActionId = actionId, CreatedAt = now.AddDays(-44),
            Text = "Ask \"How do you know?\" and give partner talk time before taking answers, in every maths lesson.",
        });

        // 2. A network round at Larkhaven and Brackenmoor, at its debrief: talk in maths.
        var second = await RoundAsync(db, trustId, lookFors[0].LanguageVersionId, [schools[990001], schools[990002]], "Talk in maths across the network",
            "Pupils' talk in maths is mostly recall: they say answers, not reasons.", today.AddDays(-6), RoundStage.Debrief,
            "Pupils would be able to explain a method when asked, but would not yet ask each other why.",
            chosen, [("Group A", [people["daniel.hughes"], people["owen.price"]], 2), ("Group B", [people["marcus.reid"], people["laura.bennett"]], 2), ("Group C", [people["priya.shah"]], 2)], now, ct);
        var notes2 = new (string? Teacher, string? Pupils, string? Task, string Year, string Subject, LanguageItem[] Tags)[]
        {
            ("\"Convince me that 3/4 is bigger than 2/3.\"", "Pupils draw bars; two pairs explain to the class.", "Comparing fractions", "Year 4", "Maths", [reasoning, task]),
            ("Gives a sentence stem: \"I know … because …\"", "Most pupils use the stem; some stop after \"because\".", "Number bonds to 100", "Year 4", "Maths", [talk, reasoning]),
            ("Asks a closed question, then \"Who agrees?\"", "Hands go up; no one says why they agree.", "Rounding to the nearest 10", "Year 3", "Maths", [questions]),
            (null, "Pupils work silently; two ask the teaching assistant for the answer.", "Word problems from the textbook", "Year 6", "Maths", [task]),
            ("Asks \"What's the same, what's different?\" about two shapes.", "Pupils name sides and angles and compare.", "2D shapes", "Year 2", "Maths", [questions, talk]),
            ("Models thinking aloud while solving.", "Pupils listen, then try a similar problem with a partner.", "Two-step problems", "Year 5", "Maths", [talk]),
        };
        var networkNotes = await NotesAsync(db, trustId, second.Id, notes2, ct);
        await PatternAsync(db, trustId, second.Id, 0, "Sentence stems get pupils started on reasons", null, [networkNotes[0], networkNotes[1], networkNotes[5]], ct);
        await PatternAsync(db, trustId, second.Id, 1, "Agreeing is shown with hands, not words", "\"Who agrees?\" was answered with hands up: no reasons were heard.", [networkNotes[2], networkNotes[3]], ct);
        await PatternAsync(db, trustId, second.Id, 2, "Comparing invites talk", null, [networkNotes[4]], ct);
        var team = await db.LearningTeams.Where(t => t.Name == "Trust maths network").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        int? enquiryId = null;
        if (team is int teamId)
        {
            var enquiry = new Enquiry
            {
                TrustId = trustId, TeamId = teamId, SchoolId = schools[990002].Id, CreatedAt = now.AddDays(-5),
                Title = "Pupils giving reasons when they agree",
                ProblemOfPractice = "Pupils' talk in maths is mostly recall: they say answers, not reasons.",
                Aim = "Pupils explain why they agree or disagree in every maths lesson, in both schools, by the summer",
            };
            db.Enquiries.Add(enquiry);
            await db.SaveChangesAsync(ct);
            enquiryId = enquiry.Id;
        }
        db.RoundNextSteps.Add(new RoundNextStep
        {
            TrustId = trustId, RoundId = second.Id, EnquiryId = enquiryId, CreatedAt = now.AddDays(-5),
            Text = "Replace \"Who agrees?\" with \"Say why you agree or disagree\", with a sentence stem, in both schools.",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The look-fors of the trust's current published language; a small language published first when there is none.</summary>
    private static async Task<List<LanguageItem>> LookForsAsync(Data.AppDbContext db, int trustId, DateTime now, CancellationToken ct)
    {
        var current = await db.LanguageVersions.Where(v => v.TrustId == trustId && v.PublishedAt != null).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (current is int id && await db.LanguageItems.Where(i => i.LanguageVersionId == id && i.Kind == LanguageItemKind.LookFor).OrderBy(i => i.Order).ToListAsync(ct) is { Count: > 0 } items)
        {
            return items;
        }
        var number = await db.LanguageVersions.Where(v => v.TrustId == trustId).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0;
        var version = new LanguageVersion { TrustId = trustId, Number = number + 1, Notes = "Look-fors for the demo's rounds", CreatedAt = now, CreatedBy = "Helen Marsh", PublishedAt = now };
        var order = 0;
        foreach (var (key, name, description) in new[]
        {
            ("pupils-explain-reasoning", "Pupils explain their reasoning", "Pupils say how they know, not only what the answer is."),
            ("open-questions", "Questions with more than one answer", "The teacher's questions invite thinking, not recall of one right answer."),
            ("pupil-to-pupil-talk", "Pupils talk to each other about the learning", "Pairs or groups discuss, build on or challenge one another's ideas."),
            ("task-demand", "The task asks pupils to think", "The task needs more than following a method shown."),
        })
        {
            version.Items.Add(new LanguageItem { TrustId = trustId, Kind = LanguageItemKind.LookFor, Key = key, Name = name, Description = description, Category = "Talk and reasoning", Order = order++ });
        }
        db.LanguageVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version.Items.OrderBy(i => i.Order).ToList();
    }

    private static async Task<Round> RoundAsync(Data.AppDbContext db, int trustId, int versionId, School[] at, string title, string problem, DateOnly heldOn, RoundStage stage,
        string prediction, List<LanguageItem> lookFors, (string Name, int[] Observers, int Classrooms)[] groups, DateTime now, CancellationToken ct)
    {
        var round = new Round
        {
            TrustId = trustId, Title = title, ProblemOfPractice = problem, HeldOn = heldOn, LanguageVersionId = versionId, Stage = stage,
            Prediction = prediction, CreatedAt = now.AddDays(-60), CreatedBy = "Helen Marsh",
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        db.RoundSchools.AddRange(at.Select(s => new RoundSchool { TrustId = trustId, RoundId = round.Id, SchoolId = s.Id }));
        db.RoundLookFors.AddRange(lookFors.Select(l => new RoundLookFor { TrustId = trustId, RoundId = round.Id, LanguageItemId = l.Id }));
        foreach (var (name, observers, classrooms) in groups)
        {
            var group = new RoundGroup { TrustId = trustId, RoundId = round.Id, Name = name, ClassroomsVisited = classrooms };
            db.RoundGroups.Add(group);
            await db.SaveChangesAsync(ct);
            db.RoundObservers.AddRange(observers.Select(p => new RoundObserver { TrustId = trustId, RoundId = round.Id, GroupId = group.Id, PersonId = p }));
        }
        await db.SaveChangesAsync(ct);
        return round;
    }

    private static async Task<List<Guid>> NotesAsync(Data.AppDbContext db, int trustId, int roundId,
        (string? Teacher, string? Pupils, string? Task, string Year, string Subject, LanguageItem[] Tags)[] notes, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var n in notes)
        {
            var note = new RoundNote { Id = Guid.NewGuid(), TrustId = trustId, RoundId = roundId, TeacherDoing = n.Teacher, PupilsDoing = n.Pupils, Task = n.Task, YearGroup = n.Year, SubjectArea = n.Subject };
            db.RoundNotes.Add(note);
            db.RoundNoteTags.AddRange(n.Tags.Distinct().Select(t => new RoundNoteTag { TrustId = trustId, NoteId = note.Id, LanguageItemId = t.Id }));
            ids.Add(note.Id);
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }

    private static async Task PatternAsync(Data.AppDbContext db, int trustId, int roundId, int order, string name, string? description, Guid[] notes, CancellationToken ct)
    {
        var pattern = new RoundPattern { TrustId = trustId, RoundId = roundId, Name = name, Description = description, Order = order };
        db.RoundPatterns.Add(pattern);
        await db.SaveChangesAsync(ct);
        db.RoundPatternNotes.AddRange(notes.Select(n => new RoundPatternNote { TrustId = trustId, PatternId = pattern.Id, NoteId = n }));
        await db.SaveChangesAsync(ct);
    }
}
