using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Access;
using Stepwise.Data;
using Stepwise.Features.Schools;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// The demo trust's shared language and improvement models: the starter language published as version 1, a version 2
/// draft with a new look-for, a changed step and one taken out; the trust's improvement model (reviewed once) and one
/// for each school in the spirit of its stage, Brackenmoor's overdue for review. Loaded before rounds, peer reviews and
/// coaching, which use the published language. Dates are set relative to today.
/// </summary>
public static class DemoSharedLanguage
{
    public static async Task AddAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        // Each school's model is written by its headteacher, the trust's by the director of education.
        var heads = (await db.Memberships.Where(m => m.TrustId == trustId && m.Role == Role.SchoolLeader && m.SchoolId != null && m.UnitId == null)
                .Join(db.Users, m => m.PersonId, p => p.Id, (m, p) => new { SchoolId = m.SchoolId!.Value, p.Id, p.DisplayName }).ToListAsync(ct))
            .GroupBy(h => h.SchoolId).ToDictionary(g => g.Key, g => (g.OrderBy(h => h.Id).First().Id, g.OrderBy(h => h.Id).First().DisplayName));
        var director = await db.Users.Where(p => p.TrustId == trustId && p.Email!.StartsWith("helen.marsh@")).Select(p => new { p.Id, p.DisplayName }).FirstAsync(ct);
        var first = new LanguageVersion
        {
            TrustId = trustId, Number = 1, Notes = "The Stepwise starter language, adopted as it is.", CreatedAt = now.AddDays(-200), CreatedBy = "Helen Marsh",
            PublishedAt = now.AddDays(-200),
        };
        WriteLanguage.Fill(first, StarterLanguage.Definition);
        var starter = StarterLanguage.Definition;
        var second = new LanguageVersion { TrustId = trustId, Number = 2, CreatedAt = now.AddDays(-6), CreatedBy = "Helen Marsh" };
        WriteLanguage.Fill(second, starter with
        {
            LookFors =
            [
                .. starter.LookFors!,
                new ItemDefinition
                {
                    Key = "subject-vocabulary", Name = "Pupils use the subject's vocabulary", Category = "Talk",
                    Description = "Pupils use the words of the subject (\"numerator\", \"evaporation\") in what they say and write, not only the teacher.",
                    EefStrand = "Oral language interventions",
                },
            ],
            Steps = starter.Steps!.Where(s => s.Key != "clear-instructions-check")
                .Select(s => s.Key == "wait-three-seconds"
                    ? s with { Description = "Count three in your head after every question and after every answer; tell the class you are doing it, and why." }
                    : s).ToList(),
        });
        foreach (var item in first.Items.Concat(second.Items))
        {
            item.TrustId = trustId;
        }
        db.LanguageVersions.AddRange(first, second);
        await db.SaveChangesAsync(ct);

        var trustModel = Trust(today.AddMonths(8));
        db.ImprovementModels.Add(Model(trustId, null, 1, Trust(today.AddDays(-30)) with { ReviewNote = "Our first model, written with every headteacher." }, now.AddDays(-400)));
        db.ImprovementModels.Add(Model(trustId, null, 2, trustModel with
        {
            TeamLearning = trustModel.TeamLearning + " Since the review, every school runs at least two instructional rounds a year, one of them with another school.",
            ReviewNote = "Reviewed after a year: rounds had been left to each school, and few happened. We now plan them across schools.",
        }, now.AddDays(-40)));
        foreach (var school in schools.Values)
        {
            var (stage, review, note) = school.Urn switch
            {
                990001 => ("Sustain", today.AddMonths(10), "Reviewed at the end of the year: the school now leads reading across the trust."),
                990002 => ("Repair", today.AddDays(-24), null), // overdue: the review slipped while staffing settled
                990003 => ("Sustain", today.AddMonths(6), null),
                990004 => ("Improve", today.AddMonths(4), null),
                990005 => ("Improve", today.AddMonths(9), null),
                _ => ("Improve", today.AddMonths(5), null),
            };
            if (school.Urn == 990001)
            {
                db.ImprovementModels.Add(Model(trustId, school.Id, 1, School(school.Name, "Improve", today.AddDays(-60)) with { ReviewNote = "Written by the senior team in the autumn." }, now.AddDays(-420)));
            }
            db.ImprovementModels.Add(Model(trustId, school.Id, school.Urn == 990001 ? 2 : 1, School(school.Name, stage, review) with { ReviewNote = note },
                now.AddDays(school.Urn == 990002 ? -390 : -50)));
        }
        await db.SaveChangesAsync(ct);

        ImprovementModel Model(int trustId, int? schoolId, int number, ReviewImprovementModel.Input text, DateTime writtenAt)
        {
            var (personId, name) = schoolId is int id && heads.TryGetValue(id, out var head) ? head : (director.Id, director.DisplayName);
            return Written(trustId, schoolId, number, text, writtenAt, personId, name);
        }
    }

    private static ImprovementModel Written(int trustId, int? schoolId, int number, ReviewImprovementModel.Input text, DateTime writtenAt, int personId, string name) => new()
    {
        TrustId = trustId, SchoolId = schoolId, Number = number, Leadership = text.Leadership, HowPupilsLearn = text.HowPupilsLearn,
        LeadersExpertise = text.LeadersExpertise, IndividualLearning = text.IndividualLearning, TeamLearning = text.TeamLearning,
        OrganisationalLearning = text.OrganisationalLearning, SharedLanguage = text.SharedLanguage, ReviewOn = text.ReviewOn!.Value,
        ReviewNote = text.ReviewNote, WrittenAt = writtenAt, PersonId = personId, WrittenBy = name,
    };

    private static ReviewImprovementModel.Input Trust(DateOnly reviewOn) => new()
    {
        Leadership = "Improvement is led by headteachers, with the trust setting a few shared priorities and holding to them. Leaders evaluate honestly, plan a small number of priorities, act, measure and review — and say so when something has not worked.",
        HowPupilsLearn = "Pupils learn what they think hard about. Teaching builds on what they already know, checks what every pupil has understood, and gives them time to practise until it sticks.",
        LeadersExpertise = "Leaders need to know the curriculum and how it is taught well, to read evidence (including the EEF's) critically, and to lead change in stages: stabilise, repair, improve, sustain.",
        IndividualLearning = "Teachers get better through coaching on one small step at a time, agreed with their coach and checked back. Coaching is never part of performance management.",
        TeamLearning = "Teams learn through instructional rounds on a problem of practice and through cycles of enquiry: plan, do, study, act.",
        OrganisationalLearning = "What works in one school is tried in another before it is spread; what does not work is stopped. Headteachers meet each half-term to review the trust's priorities against the evidence.",
        SharedLanguage = "One language for teaching across the trust, so that a look-for in a round and a step in coaching mean the same in every school.",
        ReviewOn = reviewOn,
    };

    private static ReviewImprovementModel.Input School(string name, string stage, DateOnly reviewOn) => new()
    {
        Leadership = stage switch
        {
            "Repair" => $"{name} is in the Repair stage: leadership is more directive for now, with a few non-negotiable routines, while middle leaders are rebuilt.",
            "Sustain" => $"{name} is in the Sustain stage: leadership is distributed, with subject leaders owning their curriculum and supporting other schools.",
            _ => $"{name} is in the Improve stage: senior leaders set the priorities and middle leaders lead the work in their areas.",
        },
        HowPupilsLearn = "Pupils learn by thinking hard about the right content, with explanation, modelling, practice and feedback in every lesson.",
        LeadersExpertise = stage == "Repair"
            ? "Leaders need expertise in behaviour and routines first, then in the curriculum of each subject."
            : "Leaders need to know the curriculum deeply and to coach teachers well.",
        IndividualLearning = "Every teacher has a coach and works on one step at a time from the trust's step library.",
        TeamLearning = stage == "Repair" ? "Phase teams meet weekly to review routines; one instructional round a term." : "Learning teams run cycles of enquiry; two instructional rounds a year.",
        OrganisationalLearning = "The senior team reviews the plan's priorities each half-term against the measures, and stops what is not working.",
        SharedLanguage = "We use the trust's shared language in every round, coaching conversation and staff meeting, so that \"check for understanding\" means the same thing in every classroom.",
        ReviewOn = reviewOn,
    };
}
