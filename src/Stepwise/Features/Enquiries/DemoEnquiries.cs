using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Evidence;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// The demo trust's cycles of enquiry: five learning teams (one the school's improvement team, one a network across two
/// schools), four enquiries whose scores run from 1.5 to 5.0, cycles in every decision state (adopt, adapt, abandon and
/// none yet), weekly team measures whose charts show a signal after a cycle started, and a measure on a school's own
/// metric series, so the metric's chart carries the cycles too. Dates are set relative to today.
/// </summary>
public static class DemoEnquiries
{
    public static async Task AddAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, Dictionary<(int Urn, string Key), Unit> units, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var people = await db.Users.Where(p => p.TrustId == trustId).ToDictionaryAsync(p => p.Email!.Split('@')[0], p => p.Id, ct);
        var monday = TeamMeasures.MondayOf(today);
        DateOnly Week(int n, int of) => monday.AddDays(-7 * (of - n + 1)); // week n of a run of `of` weeks ending last week

        // 1. Larkhaven's improvement team: named, no enquiry of its own (the programme's first activity).
        var improvement = Team(db, "Larkhaven improvement team", "Leads the school's improvement cycle: evaluates, plans and reviews.", now, isImprovement: true);
        await db.SaveChangesAsync(ct);
        Members(db, improvement, [(people["claire.dawson"], true), (people["tom.fletcher"], false)]);
        Units(db, improvement, units[(990001, "whole")], units[(990001, "slt")]);

        // 2. Larkhaven reading fluency: adapt then adopt, a process signal after the first cycle (3.5).
        var reading = Team(db, "Larkhaven reading fluency team", "Year 3 teachers and the English lead improving reading fluency.", now);
        await db.SaveChangesAsync(ct);
        Members(db, reading, [(people["sophie.brennan"], true), (people["daniel.hughes"], false), (people["tom.fletcher"], false)]);
        Units(db, reading, units[(990001, "y3")], units[(990001, "english")]);
        var fluency = Enquiry(db, reading, schools[990001], "Reading fluency in Year 3",
            "Too many Year 3 pupils read haltingly, so they tire before they understand: teachers see it in guided reading and in the spring assessments.",
            "Reading fluency in Year 3 from 62 % to 75 % at the expected standard by July", 62, 75, new DateOnly(AcademicYear.Of(today).EndYear, 7, 18),
            "pupils read aloud to an adult or a partner every day", "their fluency rises, and with it their understanding of what they read", now.AddDays(-130));
        // It carries out the plan action that answers what staff said about training (the demo's surveys add it).
        fluency.PlanActionId = await db.PlanActions.Where(a => a.SchoolId == schools[990001].Id && a.Title == Surveys.DemoSurveys.LearningTeamAction)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        await db.SaveChangesAsync(ct);
        var practice = Node(db, fluency, null, DriverNodeKind.PrimaryDriver, "Daily reading practice", 0);
        var modelling = Node(db, fluency, null, DriverNodeKind.PrimaryDriver, "Teachers model fluent reading", 1);
        var books = Node(db, fluency, null, DriverNodeKind.PrimaryDriver, "Books pupils want to read", 2);
        await db.SaveChangesAsync(ct);
        var aloud = Node(db, fluency, practice, DriverNodeKind.SecondaryDriver, "Every pupil reads aloud every day", 0);
        await db.SaveChangesAsync(ct);
        var paired = Node(db, fluency, aloud, DriverNodeKind.ChangeIdea, "Paired reading for ten minutes a day", 0, impact: 3, ease: 2);
        Node(db, fluency, aloud, DriverNodeKind.ChangeIdea, "Reading volunteers for the lowest fifth", 1, impact: 2, ease: 1);
        Node(db, fluency, modelling, DriverNodeKind.ChangeIdea, "Echo reading in guided sessions", 0, impact: 2, ease: 3);
        Node(db, fluency, books, DriverNodeKind.ChangeIdea, "Class library chosen with the pupils", 0, impact: 1, ease: 3);
        var outcome = new EnquiryMeasure
        {
            EnquiryId = fluency.Id, Kind = MeasureKind.Outcome, Name = "Reading: reaching the expected standard",
            OperationalDefinition = "The school's own assessments: % of pupils at or above the expected standard in reading, each assessment point.",
            SchoolId = schools[990001].Id, MetricKey = DeriveSchoolMetrics.Expected("Reading").Key, Group = PupilGroups.All, Target = 75,
        };
        var readingAloud = TeamMeasure(fluency, MeasureKind.Process, "Pupils reading aloud daily",
            "% of Year 3 pupils who read aloud to an adult or a partner on at least 4 of the 5 school days, from the class reading logs, counted each Friday.", "%", "up");
        var logTime = TeamMeasure(fluency, MeasureKind.Balancing, "Teacher time on reading logs",
            "Minutes a week each Year 3 teacher spends checking and chasing reading logs, from their own tally.", "minutes", "down");
        db.EnquiryMeasures.AddRange(outcome, readingAloud, logTime);
        await db.SaveChangesAsync(ct);
        Values(db, readingAloud, [41, 38, 43, 40, 39, 42, 44, 40, 47, 49, 58, 61, 63, 62, 65, 66], Week, now, "Sophie Brennan");
        Values(db, logTime, [32, 30, 34, 31, 33, 30, 35, 32, 36, 34, 33, 31, 32, 30, 31, 33], Week, now, "Sophie Brennan");
        var r1 = Cycle(db, fluency, 1, paired, units[(990001, "y3")], null,
            "Will ten minutes of paired reading at the start of the day get every pupil in 3B reading aloud daily?",
            "At least 60 % of 3B will read aloud on 4 days out of 5 within two weeks.", "Mrs Brennan and the 3B teaching assistant",
            "Pairs of a stronger and a less confident reader, ten minutes from 8:50", "Two weeks", "Class 3B", Week(9, 16),
            "The morning slot clashed with registration and the breakfast club arrivals; on three days it was cut to five minutes.",
            "49 % read aloud on 4 days of 5 against the 60 % predicted: better than before (about 40 %), not yet what we hoped. The pairs worked; the timing did not.",
            CycleDecision.Adapt, Week(11, 16), "Keep the pairs, move the slot to straight after lunch when the class is settled.", now, [readingAloud, outcome, logTime]);
        await db.SaveChangesAsync(ct);
        var r2 = Cycle(db, fluency, 2, paired, units[(990001, "y3")], r1,
            "With the slot after lunch, will paired reading reach every Year 3 pupil on most days?",
            "60 % or more of Year 3 will read aloud on 4 days of 5 within four weeks, with no extra log-checking time.", "Both Year 3 classes",
            "Paired reading straight after lunch, ten minutes", "Four weeks", "Year 3", Week(11, 16),
            "It ran on 19 of 20 days in both classes; the pairs were changed once, after two weeks.",
            "58 % to 66 % each week, against 60 % predicted; the log-checking tally did not rise. The chart shows a run above the baseline limits.",
            CycleDecision.Adopt, Week(15, 16), "Adopted in Year 3 from next half-term; the maths network wants to try the same routine for times tables.", now, [readingAloud, outcome, logTime]);
        await db.SaveChangesAsync(ct);
        db.Evidence.Add(new EvidenceItem
        {
            TrustId = trustId, SchoolId = schools[990001].Id, OwnerKind = EvidenceOwner.Cycle, OwnerId = r2.Id, Kind = EvidenceKind.Observation,
            Title = "Learning walk: paired reading after lunch in 3A and 3B", Note = "Every pair reading within two minutes of the start; the less confident readers were reading, not listening.",
            AddedAt = now.AddDays(-12), By = "Claire Dawson",
        });
        db.Evidence.Add(new EvidenceItem
        {
            TrustId = trustId, SchoolId = schools[990001].Id, OwnerKind = EvidenceOwner.Cycle, OwnerId = r2.Id, Kind = EvidenceKind.Note,
            Title = "Shared at the trust's English network", Note = "Presented with the chart of pupils reading aloud daily; two schools asked for the pairing guidance.",
            AddedAt = now.AddDays(-5), By = "Sophie Brennan",
        });

        // 3. The maths network across two schools: adopted at Larkhaven, spread to Brackenmoor with its own signal (5.0).
        var network = Team(db, "Trust maths network", "Maths leads from Larkhaven and Brackenmoor testing fluency routines together.", now);
        await db.SaveChangesAsync(ct);
        Members(db, network, [(people["daniel.hughes"], true), (people["owen.price"], false), (people["priya.shah"], false)]);
        Units(db, network, units[(990001, "maths")], units[(990001, "y4")], units[(990002, "maths")], units[(990002, "y4")]);
        var tables = Enquiry(db, network, schools[990001], "Times tables fluency in Year 4",
            "Year 4 pupils recall multiplication facts too slowly to use them in written methods, and the multiplication check in June shows it.",
            "Year 4's practice multiplication check average from 17 to 21 out of 25 by June", 17, 21, new DateOnly(AcademicYear.Of(today).EndYear, 6, 12),
            "every Year 4 lesson starts with five minutes of spaced retrieval of table facts", "recall becomes quick and sure, and written methods speed up", now.AddDays(-170));
        await db.SaveChangesAsync(ct);
        var recall = Node(db, tables, null, DriverNodeKind.PrimaryDriver, "Quick recall of multiplication facts", 0);
        var use = Node(db, tables, null, DriverNodeKind.PrimaryDriver, "Using facts in written methods", 1);
        await db.SaveChangesAsync(ct);
        var retrieval = Node(db, tables, recall, DriverNodeKind.SecondaryDriver, "Spaced retrieval every day", 0);
        await db.SaveChangesAsync(ct);
        var starter = Node(db, tables, retrieval, DriverNodeKind.ChangeIdea, "Five-minute retrieval starter", 0, impact: 3, ease: 3);
        Node(db, tables, retrieval, DriverNodeKind.ChangeIdea, "Home practice on a tables app", 1, impact: 2, ease: 2);
        Node(db, tables, use, DriverNodeKind.ChangeIdea, "Worked examples with the fact highlighted", 0, impact: 2, ease: 2);
        var check = TeamMeasure(tables, MeasureKind.Outcome, "Larkhaven Year 4 practice check average",
            "The mean score out of 25 on the weekly practice multiplication check (the DfE format, 6 seconds a question), Larkhaven Year 4.", "score", "up", target: 21);
        var starters = TeamMeasure(tables, MeasureKind.Process, "Lessons starting with retrieval",
            "% of Year 4 maths lessons in the week that began with the five-minute retrieval starter, from the teachers' planners.", "%", "up");
        var brackenmoor = TeamMeasure(tables, MeasureKind.Process, "Brackenmoor Year 4 practice check average",
            "The same weekly practice check, Brackenmoor Year 4.", "score", "up");
        db.EnquiryMeasures.AddRange(check, starters, brackenmoor);
        await db.SaveChangesAsync(ct);
        Values(db, check, [16.8, 17.4, 16.5, 17.9, 17.1, 16.6, 17.5, 17.0, 18.9, 20.1, 20.8, 21.2, 21.5, 21.1, 21.9, 22.3, 21.8, 22.4, 22.0, 22.6], Week, now, "Daniel Hughes");
        Values(db, starters, [10, 0, 20, 10, 0, 10, 20, 0, 60, 80, 90, 100, 90, 100, 100, 90, 100, 100, 90, 100], Week, now, "Daniel Hughes");
        Values(db, brackenmoor, [15.1, 14.6, 15.4, 14.9, 15.6, 14.8, 15.2, 15.0, 15.3, 14.7, 15.5, 15.1, 16.9, 17.8, 18.4, 18.9, 19.2, 19.0, 19.6, 19.8], Week, now, "Owen Price");
        var t1 = Cycle(db, tables, 1, starter, units[(990001, "y4")], null,
            "Does a five-minute retrieval starter in every Year 4 maths lesson raise the practice check average?",
            "The average rises by at least 2 points within six weeks.", "The Year 4 teachers at Larkhaven", "Five questions of mixed table facts, answered on whiteboards, marked together",
            "Six weeks", "Larkhaven Year 4", Week(9, 20),
            "The starter ran in nearly every lesson from the second week; supply cover missed it twice.",
            "The average rose from about 17 to 21 within four weeks, beyond the upper limit of the baseline.",
            CycleDecision.Adopt, Week(13, 20), "Adopted at Larkhaven; Brackenmoor will run it in their Year 4.", now, [check, starters]);
        await db.SaveChangesAsync(ct);
        Cycle(db, tables, 2, starter, units[(990002, "y4")], t1,
            "Does the same starter work at Brackenmoor, with a larger class and more pupils new to English?",
            "Brackenmoor's average rises by at least 2 points within eight weeks.", "The Year 4 teacher and the maths lead at Brackenmoor", "The Larkhaven starter, with picture prompts for pupils new to English",
            "Eight weeks", "Brackenmoor Year 4", Week(13, 20),
            "Running daily since the start; the picture prompts were added in week two.",
            null, null, null, null, now, [brackenmoor]);

        // 4. Kestrelmead early talk: one idea abandoned, the next under way with no decision yet (2.5).
        var talk = Team(db, "Kestrelmead early talk team", "Reception staff improving children's talk in play.", now);
        await db.SaveChangesAsync(ct);
        Members(db, talk, [(people["hannah.cole"], true), (people["fiona.grant"], false)]);
        Units(db, talk, units[(990003, "early-years")], units[(990003, "y0")]);
        var early = Enquiry(db, talk, schools[990003], "Talk in Reception",
            "Many children arrive with little experience of conversation with adults, and rarely start one in free play.",
            "Reception children at the expected level in communication and language from 68 % to 80 % by July", 68, 80, new DateOnly(AcademicYear.Of(today).EndYear, 7, 10),
            "adults in continuous provision use sustained shared thinking prompts", "children start and keep up conversations, and their language grows", now.AddDays(-100));
        await db.SaveChangesAsync(ct);
        var adults = Node(db, early, null, DriverNodeKind.PrimaryDriver, "Adults who draw talk out", 0);
        await db.SaveChangesAsync(ct);
        var lunch = Node(db, early, adults, DriverNodeKind.ChangeIdea, "Talk cards at lunch", 0, impact: 1, ease: 2);
        var prompts = Node(db, early, adults, DriverNodeKind.ChangeIdea, "Sustained shared thinking prompts in provision", 1, impact: 3, ease: 2);
        var starts = TeamMeasure(early, MeasureKind.Process, "Children starting a conversation with an adult",
            "% of the ten children observed in a 20-minute free-play sample each Thursday who started a conversation with an adult.", "%", "up");
        db.EnquiryMeasures.Add(starts);
        await db.SaveChangesAsync(ct);
        Values(db, starts, [30, 20, 30, 40, 30, 20, 30, 40, 30, 30], Week, now, "Hannah Cole");
        var k1 = Cycle(db, early, 1, lunch, units[(990003, "y0")], null,
            "Will talk cards on the lunch tables get children talking with the lunchtime staff?",
            "Half the children will talk with an adult at lunch within two weeks.", "Lunchtime staff", "A card of three questions on each table", "Two weeks", "The hall at lunch",
            Week(3, 10), "The lunchtime rota changed in week one and the cards were rarely used.",
            "No change in the Thursday samples; the staff who used the cards said the hall was too loud for conversation.",
            CycleDecision.Abandon, Week(5, 10), "Abandoned: the hall is the wrong place. Try prompts in provision, where adults already are.", now, [starts]);
        await db.SaveChangesAsync(ct);
        Cycle(db, early, 2, prompts, units[(990003, "y0")], null,
            "Will adults using three sustained shared thinking prompts in provision lead children to start more conversations?",
            "Four in ten observed children will start a conversation with an adult within four weeks.", "Reception teachers and teaching assistants",
            "Three prompts on a lanyard card; each adult aims for five extended conversations a session", "Four weeks", "Reception provision, indoors and outdoors",
            Week(7, 10), "Running; two adults are on training days in week three.", null, null, null, null, now, [starts]);

        // 5. Retrieval in Year 8 maths at the secondary: planned, not started (1.5).
        var year8 = Team(db, "Year 8 maths retrieval team", "The maths department testing retrieval practice in Year 8.", now);
        await db.SaveChangesAsync(ct);
        Members(db, year8, [(people["chris.walsh"], true), (people["nadia.hussain"], false)]);
        Units(db, year8, units[(990005, "maths")]);
        var quiz = Enquiry(db, year8, schools[990005], "Retrieval practice in Year 8 maths",
            "Year 8 forget earlier units: end-of-unit tests are good, the mixed test at the end of the year is not.",
            "Year 8 mixed-test average from 54 % to 65 % by July", 54, 65, new DateOnly(AcademicYear.Of(today).EndYear, 7, 14),
            "every Year 8 lesson opens with a low-stakes quiz on earlier units", "pupils remember more of what they learnt months ago", now.AddDays(-20));
        await db.SaveChangesAsync(ct);
        var memory = Node(db, quiz, null, DriverNodeKind.PrimaryDriver, "Remembering earlier units", 0);
        await db.SaveChangesAsync(ct);
        var opener = Node(db, quiz, memory, DriverNodeKind.ChangeIdea, "Low-stakes quiz to open each lesson", 0, impact: 3, ease: 2);
        var lessons = TeamMeasure(quiz, MeasureKind.Process, "Lessons opening with a retrieval quiz",
            "% of Year 8 maths lessons in the week that opened with the quiz, from the department's lesson log.", "%", "up");
        db.EnquiryMeasures.Add(lessons);
        await db.SaveChangesAsync(ct);
        Cycle(db, quiz, 1, opener, units[(990005, "maths")], null,
            "Will a five-question quiz on earlier units open most Year 8 lessons without eating into new teaching?",
            "Eight in ten lessons will open with the quiz, and it will take under seven minutes.", "The four Year 8 maths teachers", "A shared bank of quizzes by unit",
            "Three weeks from the start of next term", "Year 8 maths", today.AddDays(14), null, null, null, null, null, now, [lessons]);
        await db.SaveChangesAsync(ct);
    }

    private static LearningTeam Team(AppDbContext db, string name, string purpose, DateTime now, bool isImprovement = false)
    {
        var team = new LearningTeam { Name = name, Purpose = purpose, IsImprovementTeam = isImprovement, CreatedAt = now.AddDays(-180) };
        db.LearningTeams.Add(team);
        return team;
    }

    private static void Members(AppDbContext db, LearningTeam team, (int Person, bool Lead)[] members) =>
        db.LearningTeamMembers.AddRange(members.Select(m => new LearningTeamMember { TeamId = team.Id, PersonId = m.Person, IsLead = m.Lead }));

    private static void Units(AppDbContext db, LearningTeam team, params Unit[] units) =>
        db.LearningTeamUnits.AddRange(units.Select(u => new LearningTeamUnit { TeamId = team.Id, UnitId = u.Id, SchoolId = u.SchoolId }));

    private static Enquiry Enquiry(AppDbContext db, LearningTeam team, School school, string title, string problem, string aim, double baseline, double target, DateOnly by,
        string when, string then, DateTime created)
    {
        var enquiry = new Enquiry
        {
            TeamId = team.Id, SchoolId = school.Id, Title = title, ProblemOfPractice = problem, Aim = aim, AimBaseline = baseline, AimTarget = target, AimBy = by,
            TheoryWhen = when, TheoryThen = then, CreatedAt = created,
        };
        db.Enquiries.Add(enquiry);
        return enquiry;
    }

    private static DriverNode Node(AppDbContext db, Enquiry enquiry, DriverNode? parent, DriverNodeKind kind, string text, int position, int? impact = null, int? ease = null)
    {
        var node = new DriverNode { EnquiryId = enquiry.Id, ParentId = parent?.Id, Kind = kind, Text = text, Position = position, Impact = impact, Ease = ease };
        db.DriverNodes.Add(node);
        return node;
    }

    private static EnquiryMeasure TeamMeasure(Enquiry enquiry, MeasureKind kind, string name, string definition, string unit, string polarity, double? target = null) => new()
    {
        EnquiryId = enquiry.Id, Kind = kind, Name = name, OperationalDefinition = definition, Unit = unit, Polarity = polarity,
        Frequency = TeamMeasureFrequency.Weekly, Target = target,
    };

    private static void Values(AppDbContext db, EnquiryMeasure measure, double[] values, Func<int, int, DateOnly> week, DateTime now, string by) =>
        db.TeamMeasureValues.AddRange(values.Select((v, i) => new TeamMeasureValue
        {
            MeasureId = measure.Id, On = week(i + 1, values.Length), Value = v, EnteredAt = now.AddDays(-7 * (values.Length - i - 1)), By = by,
        }));

    private static PdsaCycle Cycle(AppDbContext db, Enquiry enquiry, int number, DriverNode idea, Unit unit, PdsaCycle? previous, string question, string prediction,
        string who, string what, string when, string where, DateOnly starts, string? happened, string? study, CycleDecision? decision, DateOnly? decidedOn, string? note,
        DateTime now, EnquiryMeasure[] watches)
    {
        var cycle = new PdsaCycle
        {
            EnquiryId = enquiry.Id, Number = number, ChangeIdeaId = idea.Id, PreviousCycleId = previous?.Id, UnitId = unit.Id, SchoolId = unit.SchoolId,
            Question = question, Prediction = prediction, PlanWho = who, PlanWhat = what, PlanWhen = when, PlanWhere = where, StartsOn = starts,
            WhatHappened = happened, Study = study, Decision = decision, DecidedOn = decidedOn, DecisionNote = note, CreatedAt = now,
        };
        db.PdsaCycles.Add(cycle);
        db.SaveChanges();
        db.CycleMeasures.AddRange(watches.Select(m => new CycleMeasure { CycleId = cycle.Id, MeasureId = m.Id }));
        return cycle;
    }
}
