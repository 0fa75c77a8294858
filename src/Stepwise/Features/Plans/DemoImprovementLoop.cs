using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Evidence;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Stages;
using Stepwise.Features.Units;

namespace Stepwise.Features.Plans;

/// <summary>
/// The improvement loop for the demo trust: the library frameworks and one the trust wrote (two versions, the
/// first in use), self-evaluations with the trust's and an external review's judgements beside them (some
/// disagreeing), stage histories for several units, and each school's plan with goals on attendance and reading.
/// Dates are set relative to today so the demo always reads as "this year". Goals take their baselines from the
/// school's metric series where there is one; where there is none yet, the goal stands with "no data".
/// </summary>
public sealed class DemoImprovementLoop(AppDbContext db, SaveFramework saveFramework, TimeProvider clock)
{
    /// <summary>The metric keys the demo's goals and evidence are on: their series come from the demo's pupil data.</summary>
    public static readonly Metric[] Measures =
    [
        DeriveSchoolMetrics.OverallAbsence,
        DeriveSchoolMetrics.PersistentAbsence,
        DeriveSchoolMetrics.Expected("Reading"),
        DeriveSchoolMetrics.Expected("Maths"),
        DeriveSchoolMetrics.Expected("English"),
        DeriveSchoolMetrics.SevereAbsence,
    ];

    private static readonly string[] Scale = ["exceptional", "strong-standard", "expected-standard", "needs-attention", "urgent-improvement"];

    private DateOnly _today;
    private DateOnly _yearStart;
    private readonly List<(Judgement Judgement, List<CheckedEvidence> Evidence)> _judgementEvidence = [];

    /// <param name="schools">The demo's schools by URN.</param>
    /// <param name="units">The demo's units by URN and key ("whole", "maths", "y6", "send" …).</param>
    /// <param name="leaders">Who signs each school's judgements and plans, by URN.</param>
    public async Task LoadAsync(Dictionary<int, School> schools, Dictionary<(int Urn, string Key), Unit> units, Dictionary<int, string> leaders, string trustLeader, CancellationToken ct)
    {
        _today = clock.Today();
        _yearStart = AcademicYear.Of(_today).StartsOn;
        await EnsureCatalogueAsync(ct);

        foreach (var key in new[] { FrameworkLibrary.Ofsted, FrameworkLibrary.InsideOut })
        {
            Check(await saveFramework.InstallAsync(key, ct), key);
        }
        Check(await saveFramework.ImportAsync(TrustReview(1), ct), "larkhaven-review v1");
        var ofsted = (await db.FrameworkVersions.Include(v => v.Areas).Where(v => db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == FrameworkLibrary.Ofsted)).FirstAsync(ct)).Areas;
        var reviewV1 = (await db.FrameworkVersions.Include(v => v.Areas).Where(v => db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == "larkhaven-review")).FirstAsync(ct)).Areas;

        AddJudgements(schools, units, leaders, trustLeader, ofsted, reviewV1);
        await db.SaveChangesAsync(ct);
        db.Evidence.AddRange(_judgementEvidence.SelectMany(x => x.Evidence.Select(e =>
            e.AttachTo(EvidenceOwner.Judgement, x.Judgement.Id, x.Judgement.TrustId, x.Judgement.SchoolId, x.Judgement.RecordedAt, null, x.Judgement.By))));
        await db.SaveChangesAsync(ct);
        // Version 2 of the trust's framework comes after version 1 was used: it maps its areas to version 1's.
        Check(await saveFramework.ImportAsync(TrustReview(2), ct), "larkhaven-review v2");

        AddStages(schools, units, leaders, trustLeader);
        await db.SaveChangesAsync(ct);
        await AddPlansAsync(schools, units, leaders, ofsted, ct);
        await db.SaveChangesAsync(ct);
    }

    private static void Check<T>(Stepwise.Common.Outcome<T> outcome, string what)
    {
        if (outcome.Kind != Stepwise.Common.OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"The demo could not add {what}: " + string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        }
    }

    /// <summary>The measures the goals need are in the catalogue even before any pupil data has been derived.</summary>
    private async Task EnsureCatalogueAsync(CancellationToken ct)
    {
        var keys = Measures.Select(m => m.Key).ToList();
        var known = await db.Metrics.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct);
        foreach (var m in Measures.Where(m => !known.Contains(m.Key)))
        {
            db.Metrics.Add(new Metric { Key = m.Key, Name = m.Name, Unit = m.Unit, Polarity = m.Polarity, Source = m.Source, Level = m.Level });
        }
        await db.SaveChangesAsync(ct);
    }

    private static FrameworkDefinition TrustReview(int version) => new()
    {
        Key = "larkhaven-review",
        Name = "Larkhaven termly school review",
        Description = "The areas the trust's school improvement partners look at in each termly review.",
        Version = version,
        Notes = version == 1 ? "First version." : "Quality of education renamed to curriculum and teaching; inclusion added.",
        Scales = [new ScaleDefinition
        {
            Key = "review",
            Name = "Review scale",
            Grades = [new() { Key = "secure", Name = "Secure" }, new() { Key = "developing", Name = "Developing" }, new() { Key = "emerging", Name = "Emerging" }, new() { Key = "concern", Name = "Concern" }],
        }],
        Areas = version == 1
            ? [Area("quality-of-education", "Quality of education"), Area("behaviour-and-attendance", "Behaviour and attendance"), Area("leadership-capacity", "Leadership capacity"), Area("community", "Parents and community")]
            : [Area("curriculum-and-teaching", "Curriculum and teaching", "quality-of-education"), Area("behaviour-and-attendance", "Behaviour and attendance"),
               Area("inclusion", "Inclusion"), Area("leadership-capacity", "Leadership capacity"), Area("community", "Parents and community")],
    };

    private static AreaDefinition Area(string key, string name, string? mapsFrom = null) =>
        new() { Key = key, Name = name, Scale = "review", MapsFrom = mapsFrom is null ? null : [mapsFrom] };

    // ---- Self-evaluation -------------------------------------------------------------------------------------

    /// <summary>Grades per school (index into the five-point scale; safeguarding is always met), the school's and the trust's.</summary>
    private static readonly Dictionary<int, (int[] Self, int[]? Trust)> Grades = new()
    {
        // inclusion, curriculum, achievement, attendance, personal development, leadership
        [990001] = ([1, 1, 1, 1, 0, 1], [1, 1, 1, 1, 1, 1]),
        [990002] = ([2, 2, 3, 3, 2, 2], [3, 3, 3, 3, 2, 3]),
        [990003] = ([1, 0, 0, 1, 1, 0], null),
        [990004] = ([1, 2, 2, 1, 1, 2], [1, 2, 2, 3, 1, 2]),
        [990005] = ([2, 2, 3, 2, 2, 2], [2, 3, 3, 2, 2, 2]),
        [990006] = ([1, 1, 2, 1, 0, 1], [1, 1, 2, 1, 0, 1]),
    };

    private static readonly string[] AreaOrder = ["inclusion", "curriculum-and-teaching", "achievement", "attendance-and-behaviour", "personal-development-and-well-being", "leadership-and-governance"];

    private static readonly Dictionary<string, (string Strong, string Weaker, string Development)> Words = new()
    {
        ["inclusion"] = ("Needs are identified early and plans are reviewed each term with families.", "The SENCo knows every pupil on the register well.", "Adaptations in lessons vary from class to class; disadvantaged pupils' attendance at clubs is low."),
        ["curriculum-and-teaching"] = ("A well-sequenced curriculum taught consistently; teachers check understanding well.", "Reading is prioritised and phonics is taught daily.", "Foundation subjects are not yet sequenced; checking for understanding is inconsistent."),
        ["achievement"] = ("Results have been above national for three years, including for disadvantaged pupils.", "Phonics results have risen two years running.", "Reading at the expected standard is below national; the disadvantage gap in maths has widened."),
        ["attendance-and-behaviour"] = ("Calm, orderly classrooms; attendance above national.", "Behaviour incidents have fallen since the new policy.", "Persistent absence of disadvantaged pupils remains high."),
        ["personal-development-and-well-being"] = ("A rich offer of clubs and trips, taken up by almost every pupil.", "Pupils say they feel safe and know who to talk to.", "Careers and next-step guidance is patchy."),
        ["leadership-and-governance"] = ("Leaders know the school's strengths and weaknesses precisely; governors challenge well.", "New leaders have acted quickly on the basics.", "Middle leaders are new and need time to lead their areas."),
    };

    private void AddJudgements(Dictionary<int, School> schools, Dictionary<(int, string), Unit> units, Dictionary<int, string> leaders, string trustLeader,
        List<FrameworkArea> ofsted, List<FrameworkArea> reviewV1)
    {
        var selfOn = _yearStart.AddDays(35);
        var trustOn = _yearStart.AddDays(49);
        foreach (var (urn, (self, trust)) in Grades)
        {
            var school = schools[urn];
            var whole = units[(urn, "whole")];
            for (var i = 0; i < AreaOrder.Length; i++)
            {
                var area = ofsted.First(a => a.Key == AreaOrder[i]);
                var (strong, weaker, development) = Words[area.Key];
                db.Judgements.Add(Judge(school, whole, area, Scale[self[i]], JudgementSource.Self, selfOn, leaders[urn],
                    self[i] <= 1 ? strong : weaker, development, Evidence(area.Key, urn)));
                if (trust is not null)
                {
                    var differs = trust[i] != self[i];
                    db.Judgements.Add(Judge(school, whole, area, Scale[trust[i]], JudgementSource.Trust, trustOn, trustLeader,
                        differs ? "We agree on the strengths the school describes." : null,
                        differs ? $"The trust's review found {development.ToLowerInvariant()[..1]}{development[1..]}" : null, []));
                }
            }
            db.Judgements.Add(Judge(school, whole, ofsted.First(a => a.Key == "safeguarding"), "met", JudgementSource.Self, selfOn, leaders[urn],
                "A strong culture of safeguarding; records are thorough and timely.", null, []));
            if (school.Phase == Phase.Primary)
            {
                db.Judgements.Add(Judge(school, whole, ofsted.First(a => a.Key == "early-years"), Scale[urn == 990002 ? 2 : 1], JudgementSource.Self, selfOn, leaders[urn],
                    "Children settle quickly; communication and language are taught well.", "Outdoor provision is under-used.", []));
            }
        }

        // Last year's self-evaluation at Brackenmoor, so its history shows the climb.
        var lastYear = _yearStart.AddYears(-1).AddDays(60);
        var brackenmoor = schools[990002];
        int[] before = [3, 3, 4, 4, 3, 3];
        for (var i = 0; i < AreaOrder.Length; i++)
        {
            db.Judgements.Add(Judge(brackenmoor, units[(990002, "whole")], ofsted.First(a => a.Key == AreaOrder[i]), Scale[before[i]], JudgementSource.Self, lastYear,
                leaders[990002], Words[AreaOrder[i]].Weaker, Words[AreaOrder[i]].Development, []));
        }

        // An external review of St Wenna's, disagreeing with the school on attendance.
        var wenna = schools[990004];
        db.Judgements.Add(Judge(wenna, units[(990004, "whole")], ofsted.First(a => a.Key == "attendance-and-behaviour"), "needs-attention", JudgementSource.External,
            _yearStart.AddDays(42), "Stephen Moore", "Behaviour in lessons is calm.", "Persistent absence, above all of disadvantaged pupils, is well above national.",
            [new(EvidenceKind.Note, "External review report, autumn term", null, null, null, "Two-day review by an external adviser.")]));
        db.Judgements.Add(Judge(wenna, units[(990004, "whole")], ofsted.First(a => a.Key == "leadership-and-governance"), "expected-standard", JudgementSource.External,
            _yearStart.AddDays(42), "Stephen Moore", "Governors know the school well.", "The improvement plan has too many priorities.", []));

        // A unit's own self-evaluation: SEND at St Wenna's, on inclusion.
        db.Judgements.Add(Judge(wenna, units[(990004, "send")], ofsted.First(a => a.Key == "inclusion"), "strong-standard", JudgementSource.Self, _yearStart.AddDays(30),
            "Zoe Harper", "Every pupil with SEND has a plan reviewed with their family each term.", "Teaching assistants' deployment is not yet reviewed for impact.", []));

        // The trust's own review last year, on version 1 of its framework (which therefore can no longer change).
        string[] reviewGrades = ["developing", "emerging", "developing", "secure"];
        foreach (var urn in new[] { 990001, 990002, 990004 })
        {
            for (var i = 0; i < reviewV1.Count; i++)
            {
                var grade = urn == 990001 ? "secure" : reviewGrades[i];
                db.Judgements.Add(Judge(schools[urn], units[(urn, "whole")], reviewV1.OrderBy(a => a.Order).ElementAt(i), grade, JudgementSource.Trust,
                    _yearStart.AddYears(-1).AddDays(100), trustLeader, null, null, []));
            }
        }
    }

    private static List<CheckedEvidence> Evidence(string area, int urn) => area switch
    {
        "attendance-and-behaviour" =>
        [
            new(EvidenceKind.Metric, "Overall absence, all pupils", null, DeriveSchoolMetrics.OverallAbsence.Key, PupilGroups.All, null),
            new(EvidenceKind.Metric, "Persistent absence, disadvantaged pupils", null, DeriveSchoolMetrics.PersistentAbsence.Key, "disadvantaged", null),
        ],
        "achievement" => [new(EvidenceKind.Metric, "Reading: expected standard", null, Measures[2].Key, PupilGroups.All, null)],
        "curriculum-and-teaching" => [new(EvidenceKind.Observation, "Learning walks, first half of the autumn term", null, null, null, "Twelve lessons seen with subject leaders.")],
        "personal-development-and-well-being" => [new(EvidenceKind.Survey, "Pupil survey, summer term", null, null, null, "Nine in ten pupils say they feel safe at school.")],
        _ => urn == 990002 ? [new(EvidenceKind.Note, "Governors' minutes, October", null, null, null, "Governors reviewed the plan's first half-term.")] : [],
    };

    private Judgement Judge(School school, Unit unit, FrameworkArea area, string grade, JudgementSource source, DateOnly on, string by,
        string? strengths, string? development, List<CheckedEvidence> evidence)
    {
        var judgement = new Judgement
        {
            TrustId = school.TrustId,
            SchoolId = school.Id,
            UnitId = unit.Id,
            FrameworkAreaId = area.Id,
            Grade = grade,
            Source = source,
            Strengths = strengths,
            AreasForDevelopment = development,
            JudgedOn = on < _today ? on : _today,
            By = by,
            RecordedAt = clock.UtcNow(),
        };
        if (evidence.Count > 0)
        {
            _judgementEvidence.Add((judgement, evidence));
        }
        return judgement;
    }

    // ---- Stages ----------------------------------------------------------------------------------------------

    private void AddStages(Dictionary<int, School> schools, Dictionary<(int, string), Unit> units, Dictionary<int, string> leaders, string trustLeader)
    {
        var y0 = _yearStart;
        var thisTerm = _today.AddDays(-Math.Min(20, Math.Max(1, _today.DayNumber - Stages.ReadStages.TermStart(_today).DayNumber)));
        (int Urn, string Unit, (DateOnly From, Stage Stage, string Why)[] Changes)[] histories =
        [
            (990001, "whole", [(y0.AddYears(-2).AddDays(30), Stage.Improve, "Consistently good teaching; the focus is on tracking and collaboration."),
                               (y0.AddYears(-1).AddDays(60), Stage.Sustain, "Strong results for three years; leaders now support other schools.")]),
            (990001, "maths", [(y0.AddYears(-2), Stage.Repair, "Results dipped after a change of scheme."), (y0.AddYears(-1), Stage.Improve, "The new scheme is embedded.")]),
            (990001, "y6", [(y0.AddYears(-1), Stage.Improve, "Stable team, good outcomes."), (thisTerm, Stage.Repair, "A new cohort with much higher needs: routines are being rebuilt.")]),
            (990001, "send", [(y0.AddYears(-1).AddDays(100), Stage.Repair, "New SENCo; plans were out of date."), (thisTerm, Stage.Improve, "All plans reviewed with families; provision mapped.")]),
            (990002, "whole", [(y0.AddYears(-2).AddDays(10), Stage.Stabilise, "New headteacher after a period of instability; behaviour and attendance first."),
                               (y0.AddYears(-1).AddDays(120), Stage.Repair, "Behaviour is calm and staffing stable; now rebuilding the curriculum.")]),
            (990002, "english", [(y0.AddYears(-1), Stage.Stabilise, "No English lead for two terms."), (thisTerm, Stage.Repair, "A new English lead and a new phonics programme.")]),
            (990002, "attendance", [(y0.AddYears(-1).AddDays(30), Stage.Stabilise, "Persistent absence twice the national rate.")]),
            (990003, "whole", [(y0.AddYears(-3), Stage.Sustain, "Excellent outcomes sustained; a lead school for reading in the trust.")]),
            (990003, "science", [(y0.AddYears(-1), Stage.Improve, "A new curriculum for science, being refined.")]),
            (990004, "whole", [(y0.AddYears(-2), Stage.Repair, "Results improving, attendance a concern."), (y0.AddYears(-1).AddDays(200), Stage.Improve, "Teaching consistently strong; attendance still the priority.")]),
            (990004, "send", [(y0.AddYears(-1), Stage.Repair, "Rising numbers of pupils with EHC plans.")]),
            (990004, "y4", [(thisTerm, Stage.Stabilise, "Two changes of teacher this term.")]),
            (990005, "whole", [(y0.AddYears(-2), Stage.Repair, "Outcomes below national at GCSE."), (y0.AddYears(-1), Stage.Improve, "Outcomes rising; leadership at every level secure.")]),
            (990005, "maths", [(y0.AddYears(-1).AddDays(10), Stage.Stabilise, "Three vacancies in the maths department."), (thisTerm, Stage.Repair, "Fully staffed; a common scheme of work.")]),
            (990005, "english", [(y0.AddYears(-1), Stage.Improve, "Strong department, improving results.")]),
            (990006, "whole", [(y0.AddYears(-2), Stage.Improve, "Good provision; building therapies into the curriculum.")]),
            (990006, "therapies", [(y0.AddYears(-1), Stage.Improve, "Therapists now plan with teachers.")]),
        ];
        foreach (var (urn, key, changes) in histories)
        {
            var unit = units[(urn, key)];
            foreach (var (from, stage, why) in changes)
            {
                db.StageChanges.Add(new StageChange
                {
                    TrustId = unit.TrustId,
                    SchoolId = schools[urn].Id,
                    UnitId = unit.Id,
                    Stage = stage,
                    From = from,
                    Rationale = why,
                    By = key == "whole" ? trustLeader : leaders[urn],
                    RecordedAt = clock.UtcNow(),
                });
            }
        }
    }

    // ---- Plans -----------------------------------------------------------------------------------------------

    private async Task AddPlansAsync(Dictionary<int, School> schools, Dictionary<(int, string), Unit> units, Dictionary<int, string> leaders, List<FrameworkArea> ofsted, CancellationToken ct)
    {
        var year = AcademicYear.Of(_today).ToString();
        var yearEnd = new DateOnly(_yearStart.Year + 1, 8, 31);
        var area = ofsted.ToDictionary(a => a.Key, a => a.Id);
        foreach (var (urn, school) in schools.OrderBy(s => s.Key))
        {
            var primary = school.Phase == Phase.Primary;
            var plan = NewPlan(school, PlanKind.Year, $"School improvement plan {year}", year, _yearStart, yearEnd,
                urn == 990002 ? "Secure the basics and rebuild reading, so that every pupil attends, behaves and reads well." : "Raise the bar and narrow the gap: better attendance and reading for every pupil, and for disadvantaged pupils above all.",
                leaders[urn]);
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);

            var attendance = NewPriority(plan, 1, "Reduce persistent absence, above all of disadvantaged pupils", area["attendance-and-behaviour"], units[(urn, "attendance")].Id,
                "Disadvantaged pupils miss far more school than their peers; every day missed widens the gap.", urn == 990002 ? "Marcus Reid" : "Attendance lead");
            var reading = NewPriority(plan, 2, primary ? "Every pupil a fluent reader by the end of year 2" : "Raise reading ages in key stage 3", area["curriculum-and-teaching"],
                units[(urn, "english")].Id, "Reading unlocks the rest of the curriculum.", "English lead");
            var leadership = NewPriority(plan, 3, "Grow middle leaders who lead improvement in their areas", area["leadership-and-governance"], units[(urn, "slt")].Id,
                "Improvement should not depend on a few people.", leaders[urn]);
            db.Priorities.AddRange(attendance, reading, leadership);
            await db.SaveChangesAsync(ct);

            await AddGoalAsync(school, attendance, DeriveSchoolMetrics.PersistentAbsence.Key, "disadvantaged", fallback: 24.0, change: -0.2, ct);
            await AddGoalAsync(school, attendance, DeriveSchoolMetrics.OverallAbsence.Key, PupilGroups.All, fallback: 6.2, change: -0.1, ct);
            // Reading is "English" in the secondary's assessments. The special school has no standardised tests: its
            // reading priority has actions but no goal, and its attendance priority a goal on severe absence too.
            if (school.Phase == Phase.Special)
            {
                await AddGoalAsync(school, attendance, DeriveSchoolMetrics.SevereAbsence.Key, PupilGroups.All, fallback: 3.0, change: -0.25, ct);
            }
            else
            {
                var readingMeasure = school.Phase == Phase.Secondary ? DeriveSchoolMetrics.Expected("English").Key : Measures[2].Key;
                await AddGoalAsync(school, reading, readingMeasure, PupilGroups.All, fallback: 72.0, change: +0.07, ct);
            }
            if (urn is 990002 or 990004)
            {
                await AddGoalAsync(school, reading, Measures[2].Key, "disadvantaged", fallback: 58.0, change: +0.15, ct);
            }
            if (urn == 990003)
            {
                // The published key stage 2 figure, whose latest year is long past: the demo's example of stale data.
                await AddGoalAsync(school, reading, "ks2.rwm-expected", PupilGroups.All, fallback: 85.0, change: +0.03, ct);
            }

            AddActions(school, attendance, [
                ("First-day calls for every absence", "Attendance officer", -70, -50, ActionStatus.Done, 0m),
                ("Weekly attendance clinic with families of persistently absent pupils", "Family support worker", -60, 120, ActionStatus.InProgress, 2400m),
                ("Breakfast club places for disadvantaged pupils", "School business manager", -50, -10, urn % 2 == 0 ? ActionStatus.InProgress : ActionStatus.Done, 3800m),
                ("Report attendance to governors each half-term", leaders[urn], -40, -5, ActionStatus.NotStarted, null),
            ]);
            AddActions(school, reading, [
                ("Train all staff in the phonics programme", "English lead", -80, -45, ActionStatus.Done, 1500m),
                ("Daily reading to an adult for the lowest 20% of readers", "Year leaders", -30, 150, ActionStatus.InProgress, null),
                ("Refresh the library with decodable books", "English lead", -20, 30, ActionStatus.NotStarted, 2000m),
            ]);
            AddActions(school, leadership, [
                ("Middle leaders' programme with the trust", "Deputy headteacher", -60, 200, ActionStatus.InProgress, 900m),
                ("Each middle leader presents their area's plan to governors", "Middle leaders", 10, 120, ActionStatus.NotStarted, null),
            ]);
            db.Milestones.AddRange(
                Milestone(school, attendance, "Persistent absence of disadvantaged pupils below 20%", _yearStart.AddDays(120), null),
                Milestone(school, attendance, "Attendance clinic running every week", _yearStart.AddDays(45), _yearStart.AddDays(40)),
                Milestone(school, reading, "Phonics screening check practice: 85% on track", _yearStart.AddDays(200), null),
                Milestone(school, leadership, "Every middle leader has a written plan for their area", _yearStart.AddDays(60), urn % 3 == 0 ? null : _yearStart.AddDays(58)));
            db.Evidence.Add(new CheckedEvidence(EvidenceKind.Note, "Attendance action plan (governors' pack)", null, null, null, "Shared with governors at the autumn meeting.")
                .AttachTo(EvidenceOwner.Priority, attendance.Id, school.TrustId, school.Id, Before(_yearStart.AddDays(50)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), null, leaders[urn]));
            db.PlanComments.Add(new PlanComment
            {
                TrustId = school.TrustId, SchoolId = school.Id, PlanId = plan.Id, PriorityId = attendance.Id, Author = "Helen Marsh",
                Text = "Good start on first-day calls. Let's look at the disadvantaged persistent absence figures together at the next review.",
                At = clock.UtcNow().AddDays(-12),
            });
        }

        // Brackenmoor's 100-day plan, from the start of this term.
        var b = schools[990002];
        var hundred = NewPlan(b, PlanKind.HundredDay, "First 100 days: secure behaviour and attendance", null, Stages.ReadStages.TermStart(_today).AddDays(-30),
            Stages.ReadStages.TermStart(_today).AddDays(69), "Calm corridors, every pupil in school: the basics before anything else.", leaders[990002]);
        db.Plans.Add(hundred);
        await db.SaveChangesAsync(ct);
        var basics = NewPriority(hundred, 1, "Calm, consistent routines in every classroom", area["attendance-and-behaviour"], units[(990002, "whole")].Id,
            "Too much learning time is lost to low-level disruption.", leaders[990002]);
        db.Priorities.Add(basics);
        await db.SaveChangesAsync(ct);
        await AddGoalAsync(b, basics, DeriveSchoolMetrics.OverallAbsence.Key, PupilGroups.All, fallback: 7.5, change: -0.15, ct);
        AddActions(b, basics, [
            ("Launch the new behaviour policy with every class", "Marcus Reid", -35, -25, ActionStatus.Done, null),
            ("Senior leaders on the corridors at every change of lesson", "Senior leaders", -30, 60, ActionStatus.InProgress, null),
            ("Restorative conversations training for all staff", "Priya Shah", -20, -3, ActionStatus.InProgress, 1200m),
        ]);

        // Last year's plan at Larkhaven Primary, reviewed: one priority continues, one is changed, one stopped.
        var l = schools[990001];
        var lastYear = NewPlan(l, PlanKind.Year, $"School improvement plan {AcademicYear.Of(_yearStart).Previous}", AcademicYear.Of(_yearStart).Previous.ToString(),
            _yearStart.AddYears(-1), _yearStart.AddDays(-1), "Greater depth in writing and a broader curriculum.", leaders[990001]);
        db.Plans.Add(lastYear);
        await db.SaveChangesAsync(ct);
        var reviewed = new[]
        {
            ("More pupils writing at greater depth", "Greater depth rose from 14% to 21%.", "Modelled writing works best when pupils see the teacher's drafts and changes.", ReviewDecision.Continue),
            ("A broader key stage 2 curriculum", "History and geography are now taught every week.", "Subject leaders needed more time than we planned.", ReviewDecision.Modify),
            ("Homework club for year 6", "Attendance at the club was low (about eight pupils).", "Families preferred reading at home with the new books.", ReviewDecision.Stop),
        };
        var order = 1;
        foreach (var (title, changed, learned, decision) in reviewed)
        {
            var p = NewPriority(lastYear, order++, title, area["curriculum-and-teaching"], null, null, leaders[990001]);
            (p.WhatChanged, p.WhatWeLearned, p.Decision, p.ReviewedOn, p.ReviewedBy) = (changed, learned, decision, _yearStart.AddDays(-10), leaders[990001]);
            db.Priorities.Add(p);
        }
    }

    private Plan NewPlan(School school, PlanKind kind, string title, string? year, DateOnly starts, DateOnly ends, string summary, string by) => new()
    {
        TrustId = school.TrustId, SchoolId = school.Id, Kind = kind, Title = title, AcademicYear = year, StartsOn = starts, EndsOn = ends,
        Summary = summary, CreatedAt = clock.UtcNow(), CreatedBy = by,
    };

    private static Priority NewPriority(Plan plan, int order, string title, int areaId, int? unitId, string? why, string lead) => new()
    {
        TrustId = plan.TrustId, SchoolId = plan.SchoolId, PlanId = plan.Id, Order = order, Title = title, FrameworkAreaId = areaId, UnitId = unitId, Why = why, Lead = lead,
    };

    /// <summary>
    /// A goal from the value the school had when the plan started (its series' last value before then, or a typical
    /// figure when it has no series yet) to a target <paramref name="change"/> better by the end of the plan.
    /// </summary>
    private async Task AddGoalAsync(School school, Priority priority, string metricKey, string group, double fallback, double change, CancellationToken ct)
    {
        var plan = await db.Plans.FirstAsync(p => p.Id == priority.PlanId, ct);
        var series = await MetricSeries.OneAsync(db, school.Id, school.Urn, metricKey, group, null, ct);
        var before = series?.Points.LastOrDefault(p => p.Value is not null && PeriodEnds.Of(p.PeriodKind, p.PeriodStart) <= plan.StartsOn);
        var baseline = before?.Value is double v ? Math.Round(v, 1) : fallback;
        var target = Math.Round(Math.Clamp(baseline * (1 + change), 0, 100), 1);
        db.Goals.Add(new Goal
        {
            TrustId = school.TrustId, SchoolId = school.Id, PriorityId = priority.Id, MetricKey = metricKey, Group = group,
            Baseline = baseline, BaselineOn = plan.StartsOn.AddDays(-1), Target = target, TargetOn = plan.EndsOn,
        });
    }

    private void AddActions(School school, Priority priority, (string Title, string Owner, int Starts, int Due, ActionStatus Status, decimal? Cost)[] actions)
    {
        foreach (var (title, owner, starts, due, status, cost) in actions)
        {
            db.PlanActions.Add(new PlanAction
            {
                TrustId = school.TrustId, SchoolId = school.Id, PriorityId = priority.Id, Title = title, Owner = owner,
                StartsOn = _today.AddDays(starts), DueOn = _today.AddDays(due), Status = status, Cost = cost,
                DoneOn = status == ActionStatus.Done ? _today.AddDays(Math.Min(due, -1)) : null,
            });
        }
    }

    private static Milestone Milestone(School school, Priority priority, string title, DateOnly due, DateOnly? reached) => new()
    {
        TrustId = school.TrustId, SchoolId = school.Id, PriorityId = priority.Id, Title = title, DueOn = due, ReachedOn = reached,
    };

    private DateOnly Before(DateOnly d) => d < _today ? d : _today;
}
