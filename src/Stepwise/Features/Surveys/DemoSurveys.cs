using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Schools;
using Stepwise.Features.Visits;

namespace Stepwise.Features.Surveys;

/// <summary>
/// The demo's feedback loop at Larkhaven Primary School: two runs of a staff survey and of a pupil survey with
/// synthetic answers (workload and "being heard" improve between runs), two governor visits and the actions taken.
/// Answers come from a seeded model: each respondent has a general outlook, each statement a typical level per run,
/// plus noise, so scales hang together (alpha about 0.7–0.85) and small groups exist for suppression to act on.
/// </summary>
public static class DemoSurveys
{
    public const int Urn = 990001;

    public static async Task AddAsync(AppDbContext db, int trustId, IReadOnlyDictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var school = schools[Urn];
        var today = DateOnly.FromDateTime(now);
        var random = new Random(20261123);

        // Staff: workload and well-being low in the spring, better in the autumn after the marking change.
        var staffLevels = new Dictionary<string, (double Before, double After)>
        {
            ["Workload"] = (2.7, 3.3), ["Well-being"] = (3.0, 3.4), ["Leadership"] = (3.6, 3.8),
            ["Professional development"] = (3.5, 3.6), ["Behaviour"] = (3.4, 3.5),
        };
        var staffComments = new[]
        {
            "Fewer data drops.", "Whole-class feedback instead of written marking.", "Shorter meetings.", "Protected PPA time.",
            "Less time on displays.", "Shared planning across the year group.", "Clearer behaviour follow-up from leaders.",
            "One fewer report a year.", "Time to talk to colleagues about teaching.", "Better photocopying arrangements.",
            "Fewer emails after 6pm.", "Reading books organised by the library team.", "Cover for training days.",
        };
        var (staffBefore, staffAfter) = await TwoRunsAsync(db, trustId, school.Id, Audience.Staff, "Staff survey", today, staffLevels,
            "What one thing would most reduce your workload?", staffComments, (34, 38), random, ct);

        // Pupils (Years 3–6): feeling listened to was the weakest area, and improved after the pupil parliament.
        var pupilLevels = new Dictionary<string, (double Before, double After)>
        {
            ["Belonging"] = (3.8, 3.9), ["Safety"] = (3.9, 4.0), ["Learning"] = (3.7, 3.8), ["Being heard"] = (2.9, 3.5), ["Well-being"] = (3.7, 3.8),
        };
        var pupilComments = new[]
        {
            "More clubs at lunchtime.", "Bigger playground equipment.", "More books in the library.", "Quieter dining hall.",
            "More trips.", "A say in what we learn in topic.", "More football.", "Less homework.", "A quiet area at playtime.",
            "Better toilets.", "More art.", "Longer lunch.", "Pupil parliament every week.", "More computers.",
        };
        var (pupilsBefore, pupilsAfter) = await TwoRunsAsync(db, trustId, school.Id, Audience.Pupils, "Pupil voice survey", today, pupilLevels,
            "What one thing would make school better?", pupilComments, (168, 181), random, ct);

        var governor = await db.Users.Where(p => p.Email == "margaret.ellis@larkhaven.example").Select(p => p.Id).FirstAsync(ct);
        // Where the demo's plan for the school has a reading priority and action, the visit and the action point to them.
        var priorities = await db.Priorities.Where(p => p.SchoolId == school.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var readingPriority = priorities.FirstOrDefault(p => p.Title.Contains("read", StringComparison.OrdinalIgnoreCase))?.Id;
        var actions = await db.PlanActions.Where(a => a.SchoolId == school.Id).Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        var readingAction = actions.FirstOrDefault(a => a.Title.Contains("read", StringComparison.OrdinalIgnoreCase) || a.Title.Contains("book", StringComparison.OrdinalIgnoreCase))?.Id;
        // The current plan's attendance priority, for the breakfast club action that the attendance visit prompts.
        var attendancePriority = await (from p in db.Priorities
                                        join plan in db.Plans on p.PlanId equals plan.Id
                                        where p.SchoolId == school.Id && p.Title.Contains("absence")
                                        orderby plan.StartsOn descending
                                        select (int?)p.Id).FirstOrDefaultAsync(ct);
        var reading = new GovernorVisit
        {
            TrustId = trustId, SchoolId = school.Id, PersonId = governor, VisitedOn = today.AddDays(-61), CreatedAt = now, PriorityId = readingPriority,
            Focus = "Early reading: phonics in Reception and Year 1",
            Seen = "Two phonics groups in Year 1 and one in Reception. Pupils read decodable books matched to the sounds they know. I listened to four pupils read with the reading lead.",
            Questions = "How quickly are pupils who fall behind spotted? (Weekly checks; catch-up the same day.)\nDo parents know how to help at home? (A workshop in the autumn; few fathers came.)",
            Findings = "Phonics teaching is consistent across groups and pupils who fall behind are caught quickly. Pupils told me they would like more books to take home, and the home-reading books are worn.",
            FollowUps = "Hear about take-home books at the spring meeting. Look at Year 1 phonics screening results in the summer.",
        };
        var attendance = new GovernorVisit
        {
            TrustId = trustId, SchoolId = school.Id, PersonId = governor, VisitedOn = today.AddDays(-19), CreatedAt = now,
            Focus = "Attendance of disadvantaged pupils",
            Seen = "The attendance officer's morning routine: first-day calls, the late book and the weekly list of pupils below 90%.",
            Questions = "What happens after a third unexplained absence? (A meeting with the family and the class teacher.)",
            Findings = "Follow-up is quick and kind. Families of persistently absent pupils are seen in person. The breakfast club is full and has a waiting list.",
            FollowUps = "Ask whether the breakfast club could take more pupils.",
        };
        db.GovernorVisits.AddRange(reading, attendance);
        await db.SaveChangesAsync(ct);

        int QuestionId(Survey survey, string code) => survey.Questions.First(q => q.BankCode == code).Id;
        db.YouSaidWeDid.AddRange(
            new YouSaidWeDid
            {
                TrustId = trustId, SchoolId = school.Id, Source = FeedbackSource.SurveyQuestion, SurveyQuestionId = QuestionId(pupilsBefore, "pupils.voice.listened"),
                YouSaid = "Many of you did not feel listened to by adults at school.",
                WeDid = "We started a pupil parliament with two representatives from every class. It meets every fortnight with the headteacher, and its first decision was a quiet area at playtime.",
                Owner = "Headteacher", ActionOn = pupilsBefore.ClosesOn.AddDays(21), Published = true, CreatedAt = now,
            },
            new YouSaidWeDid
            {
                TrustId = trustId, SchoolId = school.Id, Source = FeedbackSource.SurveyQuestion, SurveyQuestionId = QuestionId(staffBefore, "staff.workload.marking"),
                YouSaid = "Staff told us written marking took too long for the difference it made.",
                WeDid = "We replaced written marking in English and maths with whole-class feedback, and cut data collection from six times a year to three.",
                Owner = "Deputy headteacher", ActionOn = staffBefore.ClosesOn.AddDays(35), Published = true, CreatedAt = now,
            },
            new YouSaidWeDid
            {
                TrustId = trustId, SchoolId = school.Id, Source = FeedbackSource.VisitFinding, GovernorVisitId = reading.Id, PlanActionId = readingAction,
                YouSaid = "Pupils would like more books to take home.",
                WeDid = "We bought 400 new reading books and the library now opens at lunchtime three days a week.",
                Owner = "Reading lead", ActionOn = reading.VisitedOn.AddDays(30), Published = true, CreatedAt = now,
            },
            await BreakfastClubAsync(db, trustId, school.Id, attendance, attendancePriority, today, now, ct),
            await LearningTeamsAsync(db, trustId, school.Id, QuestionId(staffBefore, "staff.development.useful"), readingPriority, staffBefore.ClosesOn, now, ct));
        db.Audit(trustId, "Created", nameof(Survey), $"{Urn}",
            $"Demo feedback: two staff and two pupil survey runs ({staffBefore.Id}, {staffAfter.Id}, {pupilsBefore.Id}, {pupilsAfter.Id}) with synthetic answers, two governor visits, five actions");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What the attendance visit found, added to the plan as a new action under the attendance priority, as the
    /// "you said, we did" form does (<see cref="SaveYouSaidWeDid"/>): the priority page shows what prompted it.
    /// </summary>
    private static async Task<YouSaidWeDid> BreakfastClubAsync(AppDbContext db, int trustId, int schoolId, GovernorVisit visit, int? priorityId, DateOnly today, DateTime now,
        CancellationToken ct)
    {
        var entry = new YouSaidWeDid
        {
            TrustId = trustId, SchoolId = schoolId, Source = FeedbackSource.VisitFinding, GovernorVisitId = visit.Id,
            YouSaid = "Parents asked for more places at breakfast club, and our governor found it full with a waiting list.",
            WeDid = "Recruit a second breakfast club assistant so that 20 more pupils can come.",
            Owner = "School business manager", ActionOn = today.AddDays(14), Published = false, CreatedAt = now,
        };
        if (priorityId is int id)
        {
            var action = new Plans.PlanAction
            {
                TrustId = trustId, SchoolId = schoolId, PriorityId = id, Title = SaveYouSaidWeDid.ActionTitle(entry.WeDid), Owner = entry.Owner,
                DueOn = entry.ActionOn, Status = Plans.ActionStatus.NotStarted,
            };
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(ct);
            entry.PlanActionId = action.Id;
        }
        return entry;
    }

    /// <summary>The plan action the Year 3 learning team's reading-fluency enquiry carries out (the demo's enquiries link to it by this title).</summary>
    public const string LearningTeamAction = "Year 3 team tests a daily reading-aloud routine in cycles of enquiry";

    /// <summary>
    /// What staff said about training, answered with learning teams: a new action under the reading priority that the Year 3
    /// team's enquiry carries out, so the thread runs from "you said" through the plan to the enquiry's cycles.
    /// </summary>
    private static async Task<YouSaidWeDid> LearningTeamsAsync(AppDbContext db, int trustId, int schoolId, int questionId, int? priorityId, DateOnly said, DateTime now,
        CancellationToken ct)
    {
        var entry = new YouSaidWeDid
        {
            TrustId = trustId, SchoolId = schoolId, Source = FeedbackSource.SurveyQuestion, SurveyQuestionId = questionId,
            YouSaid = "Staff told us training days rarely changed what happened in their classrooms.",
            WeDid = "Teachers now work in learning teams on a problem they chose: the Year 3 team is testing a daily reading-aloud routine in cycles of enquiry.",
            Owner = "Reading lead", ActionOn = said.AddDays(28), Published = true, CreatedAt = now,
        };
        if (priorityId is int id)
        {
            var action = new Plans.PlanAction
            {
                TrustId = trustId, SchoolId = schoolId, PriorityId = id, Title = LearningTeamAction, Owner = "Reading lead",
                StartsOn = said.AddDays(28), DueOn = said.AddDays(28 + 180), Status = Plans.ActionStatus.InProgress,
            };
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(ct);
            entry.PlanActionId = action.Id;
        }
        return entry;
    }

    private static async Task<(Survey Before, Survey After)> TwoRunsAsync(AppDbContext db, int trustId, int schoolId, Audience audience, string title, DateOnly today,
        Dictionary<string, (double Before, double After)> levels, string freeText, string[] comments, (int Before, int After) respondents, Random random, CancellationToken ct)
    {
        Survey Build(DateOnly opens, int? previous) => new()
        {
            TrustId = trustId, SchoolId = schoolId, Title = $"{title} {opens:MMMM yyyy}", Audience = audience, Status = SurveyStatus.Closed,
            OpensOn = opens, ClosesOn = opens.AddDays(14), Distribution = audience == Audience.Pupils ? Distribution.OneTimeCodes : Distribution.OpenLink,
            LinkToken = OneTimeCodes.NewLinkToken(), AskYearGroup = audience == Audience.Pupils, AskStaffRole = audience == Audience.Staff,
            PreviousRunId = previous, CreatedAt = opens.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Introduction = audience == Audience.Pupils
                ? "We want to know what school is like for you. Nobody will know which answers are yours."
                : "Ten minutes, anonymous. We publish what we do about it on our \"you said, we did\" page.",
            Questions = QuestionBank.For(audience).Select((item, i) => new SurveyQuestion
            {
                TrustId = trustId, Position = i + 1, Kind = QuestionKind.Agreement, Text = item.Text, BankCode = item.Code, Scale = item.Scale,
                ReverseScored = item.Reverse, AllowDontKnow = true,
            }).Append(new SurveyQuestion { TrustId = trustId, Position = 100, Kind = QuestionKind.FreeText, Text = freeText }).ToList(),
        };

        var before = Build(today.AddDays(-230), null);
        db.Surveys.Add(before);
        await db.SaveChangesAsync(ct);
        var after = Build(today.AddDays(-45), before.Id);
        db.Surveys.Add(after);
        await db.SaveChangesAsync(ct);

        foreach (var (survey, count, later) in new[] { (before, respondents.Before, false), (after, respondents.After, true) })
        {
            for (var r = 0; r < count; r++)
            {
                var outlook = Normal(random) * 0.6;
                var response = new SurveyResponse
                {
                    TrustId = trustId, SurveyId = survey.Id, SchoolId = schoolId, SubmittedOn = survey.OpensOn.AddDays(random.Next(0, 12)),
                };
                if (audience == Audience.Pupils)
                {
                    // Years 3–6, with the odd pupil who prefers not to say.
                    response.YearGroup = random.NextDouble() < 0.02 ? null : 3 + random.Next(0, 4);
                }
                else
                {
                    var roll = random.NextDouble();
                    response.StaffRole = roll < 0.55 ? StaffRole.Teaching : roll < 0.88 ? StaffRole.Support : roll < 0.97 ? StaffRole.Leadership : null;
                }
                foreach (var q in survey.Questions)
                {
                    if (q.Kind == QuestionKind.FreeText)
                    {
                        if (random.NextDouble() < 0.35)
                        {
                            response.Answers.Add(new SurveyAnswer { TrustId = trustId, QuestionId = q.Id, Text = comments[random.Next(comments.Length)] });
                        }
                        continue;
                    }
                    if (random.NextDouble() < 0.03)
                    {
                        continue; // skipped
                    }
                    if (random.NextDouble() < 0.04)
                    {
                        response.Answers.Add(new SurveyAnswer { TrustId = trustId, QuestionId = q.Id, Choice = 0 });
                        continue;
                    }
                    var level = later ? levels[q.Scale!].After : levels[q.Scale!].Before;
                    var favourable = level + outlook + Normal(random) * 0.75;
                    var stated = q.ReverseScored ? 6 - favourable : favourable;
                    response.Answers.Add(new SurveyAnswer { TrustId = trustId, QuestionId = q.Id, Choice = Math.Clamp((int)Math.Round(stated), 1, 5) });
                }
                db.SurveyResponses.Add(response);
            }
            if (survey.Distribution == Distribution.OneTimeCodes)
            {
                // The printed sheets: one per class, a few codes left unused (absent pupils).
                for (var i = 0; i < count + 12; i++)
                {
                    var code = OneTimeCodes.Normalise(OneTimeCodes.Generate())!;
                    db.SurveyCodes.Add(new SurveyCode
                    {
                        TrustId = trustId, SurveyId = survey.Id, SchoolId = schoolId, Group = $"Year {3 + i % 4}", Hash = OneTimeCodes.Hash(survey.Id, code), Used = i < count,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return (before, after);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
