using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;
using Stepwise.Features.Schools;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Coaching;

/// <summary>
/// The demo trust's coaching: pairs in every school (four at Larkhaven, so its head sees the counts; one or two at some
/// schools, so the overview shows the minimum at work), steps in every state — working and not due, due soon, overdue,
/// secure, set aside — with check-backs and notes. Sophie Brennan is coached, so a person signing in sees their own.
/// Steps come from the trust's current published step library (the demo's shared language, loaded before this);
/// with none published, they are written in the pair's own words. Dates are set relative to today.
/// </summary>
public static class DemoCoaching
{
    /// <summary>Two more teachers at Larkhaven Primary, so that it has four pairs.</summary>
    private static readonly (string First, string Last, string JobTitle, int Urn)[] ExtraTeachers =
    [
        ("Ella", "Morgan", "Year 2 teacher", 990001),
        ("Sam", "Okoye", "Year 5 teacher", 990001),
    ];

    /// <summary>Teacher, coach (first part of their email addresses), and the shape of their coaching so far.</summary>
    private static readonly (int Urn, string Teacher, string Coach, Shape Shape)[] Pairs =
    [
        (990001, "sophie.brennan", "tom.fletcher", Shape.EveryState),
        (990001, "daniel.hughes", "claire.dawson", Shape.SecuredThenWorking),
        (990001, "ella.morgan", "tom.fletcher", Shape.Overdue),
        (990001, "sam.okoye", "daniel.hughes", Shape.SetAsideThenDueSoon),
        (990002, "laura.bennett", "owen.price", Shape.SecuredThenWorking),
        (990002, "owen.price", "priya.shah", Shape.Overdue),
        (990003, "hannah.cole", "james.whitaker", Shape.SetAsideThenDueSoon),
        (990004, "liam.doyle", "zoe.harper", Shape.SecuredThenWorking),
        (990005, "chris.walsh", "nadia.hussain", Shape.EveryState),
        (990005, "emma.lloyd", "richard.stone", Shape.Overdue),
        (990005, "kevin.barnes", "chris.walsh", Shape.SetAsideThenDueSoon),
        (990006, "alice.turner", "michael.ward", Shape.SecuredThenWorking),
    ];

    private enum Shape { EveryState, SecuredThenWorking, Overdue, SetAsideThenDueSoon }

    /// <summary>Steps in the pair's own words, used when the trust has published no step library.</summary>
    private static readonly (string Title, string Detail)[] OwnWords =
    [
        ("Cold-call after think-pair-share", "Ask two or three pairs by name after every pair discussion, before taking hands up."),
        ("Wait three seconds before taking an answer", "Count silently; say \"I'll wait for more hands\" when only a few are up."),
        ("Narrate the positive at the start of the lesson", "Name three pupils who are ready, in the first minute, before any correction."),
        ("Check for understanding with mini-whiteboards", "One hinge question per lesson; scan every board before moving on."),
        ("Say it again, better", "When an answer is partly right, ask the pupil to say it again in a full sentence using the key word."),
        ("Model the first example aloud", "Think aloud through the first worked example, naming each decision."),
    ];

    public static async Task AddAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        await AddTeachersAsync(db, trustId, schools, now, ct);
        var people = await db.Users.Where(p => p.TrustId == trustId).ToDictionaryAsync(p => p.Email!.Split('@')[0], p => p.Id, ct);
        var library = await LibraryAsync(db, trustId, ct);
        var next = 0;
        (string Title, string? Detail, int? ItemId) Step()
        {
            var n = next++;
            if (library.Count > 0)
            {
                var item = library[n % library.Count];
                return (item.Name, item.Description, item.Id);
            }
            var words = OwnWords[n % OwnWords.Length];
            return (words.Title, words.Detail, null);
        }

        foreach (var (urn, teacher, coach, shape) in Pairs)
        {
            var pair = new CoachingPair
            {
                TrustId = trustId, SchoolId = schools[urn].Id, TeacherId = people[teacher], CoachId = people[coach], StartedOn = today.AddDays(-70), CreatedAt = now.AddDays(-70),
            };
            db.CoachingPairs.Add(pair);
            await db.SaveChangesAsync(ct);
            switch (shape)
            {
                case Shape.EveryState:
                    Closed(db, pair, Step(), agreed: -63, closed: -42, CoachingStepStatus.Secure, "Pupils were ready in the first minute in every lesson I saw: this is a habit now.");
                    Closed(db, pair, Step(), agreed: -40, closed: -26, CoachingStepStatus.SetAside, "Useful, but the class needs the routine for answers first: set aside for now.");
                    Working(db, pair, Step(), agreed: -24, checkBack: 4, keptWorking: (-10, "Better with the first group; the back table still waits to be asked."));
                    break;
                case Shape.SecuredThenWorking:
                    Closed(db, pair, Step(), agreed: -50, closed: -8, CoachingStepStatus.Secure, "Secure: the class expects it and answers are fuller.");
                    Working(db, pair, Step(), agreed: -8, checkBack: 16);
                    break;
                case Shape.Overdue:
                    Working(db, pair, Step(), agreed: -30, checkBack: -5, keptWorking: (-16, "Tried it in two lessons; keep going with the Year 4 set."));
                    break;
                case Shape.SetAsideThenDueSoon:
                    Closed(db, pair, Step(), agreed: -45, closed: -20, CoachingStepStatus.SetAside, "Set aside: a different step will help this class more.");
                    Working(db, pair, Step(), agreed: -20, checkBack: 2);
                    break;
            }
            db.CoachingNotes.Add(new CoachingNote { TrustId = trustId, PairId = pair.Id, PersonId = pair.CoachId, Text = "Observed ten minutes of the lesson start; shared two moments that went well.", WrittenAt = now.AddDays(-12) });
            db.CoachingNotes.Add(new CoachingNote { TrustId = trustId, PairId = pair.Id, PersonId = pair.TeacherId, Text = "I want to try this with my lower set next, where it is hardest.", WrittenAt = now.AddDays(-9) });
            await db.SaveChangesAsync(ct);
        }

        void Closed(AppDbContext db, CoachingPair pair, (string Title, string? Detail, int? ItemId) step, int agreed, int closed, CoachingStepStatus status, string note)
        {
            var s = new CoachingStep
            {
                TrustId = trustId, PairId = pair.Id, LanguageItemId = step.ItemId, Title = step.Title, Detail = step.Detail, AgreedOn = today.AddDays(agreed),
                CheckBackOn = today.AddDays(closed), Status = status, ClosedOn = today.AddDays(closed),
            };
            db.CoachingSteps.Add(s);
            db.SaveChanges();
            db.CoachingCheckBacks.Add(new CoachingCheckBack { TrustId = trustId, PairId = pair.Id, StepId = s.Id, HeldOn = today.AddDays(closed), Outcome = status, Note = note });
        }

        void Working(AppDbContext db, CoachingPair pair, (string Title, string? Detail, int? ItemId) step, int agreed, int checkBack, (int HeldOn, string Note)? keptWorking = null)
        {
            var s = new CoachingStep
            {
                TrustId = trustId, PairId = pair.Id, LanguageItemId = step.ItemId, Title = step.Title, Detail = step.Detail, AgreedOn = today.AddDays(agreed),
                CheckBackOn = today.AddDays(checkBack), Status = CoachingStepStatus.Working,
            };
            db.CoachingSteps.Add(s);
            db.SaveChanges();
            if (keptWorking is var (heldOn, note))
            {
                db.CoachingCheckBacks.Add(new CoachingCheckBack { TrustId = trustId, PairId = pair.Id, StepId = s.Id, HeldOn = today.AddDays(heldOn), Outcome = CoachingStepStatus.Working, Note = note });
            }
        }
    }

    /// <summary>The steps of the trust's current published language, in order; none when nothing is published.</summary>
    private static async Task<List<LanguageItem>> LibraryAsync(AppDbContext db, int trustId, CancellationToken ct)
    {
        var version = await db.LanguageVersions.Where(v => v.TrustId == trustId && v.PublishedAt != null)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        return version is int id
            ? await db.LanguageItems.Where(i => i.LanguageVersionId == id && i.Kind == LanguageItemKind.Step).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct)
            : [];
    }

    /// <summary>The extra teachers, with the demo's one password (its hash taken from a demo account: hashing again is slow).</summary>
    private static async Task AddTeachersAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var hash = await db.Users.Where(p => p.TrustId == trustId && p.PasswordHash != null).Select(p => p.PasswordHash).FirstAsync(ct);
        foreach (var (first, last, jobTitle, urn) in ExtraTeachers)
        {
            var email = $"{first}.{last}@larkhaven.example".ToLowerInvariant();
            var person = new Person
            {
                TrustId = trustId, Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
                DisplayName = $"{first} {last}", JobTitle = jobTitle, PasswordHash = hash, SecurityStamp = $"demo-{email}", EmailConfirmed = true, LockoutEnabled = true,
                CreatedAt = now,
            };
            person.Memberships.Add(new Membership { TrustId = trustId, Role = Role.Teacher, SchoolId = schools[urn].Id, CreatedAt = now });
            db.Users.Add(person);
        }
        await db.SaveChangesAsync(ct);
    }
}
