namespace Stepwise.Features.Enquiries;

/// <summary>The record in Stepwise that shows an activity happened; <see cref="ByHand"/> when no record can (yet).</summary>
public enum ProgrammeRecord
{
    ByHand,

    /// <summary>A learning team at the school marked as its improvement team.</summary>
    ImprovementTeam,

    /// <summary>A judgement of the school's own self-evaluation made in the last twelve months.</summary>
    SelfEvaluation,

    /// <summary>An improvement plan for the school (its goals read their status from the data).</summary>
    Plan,

    /// <summary>A learning team with a unit at the school.</summary>
    LearningTeam,

    /// <summary>A PDSA cycle at the school that has started.</summary>
    FirstCycle,

    /// <summary>An adopted cycle at the school with at least one piece of evidence.</summary>
    SharedSuccess,

    /// <summary>A started cycle at the school that follows an earlier one (an adapted idea tested again).</summary>
    FurtherCycle,

    /// <summary>A learning team working at the school and at another school of the trust.</summary>
    Network,

    /// <summary>An instructional round at the school that reached its debrief (or was closed after it).</summary>
    Round,
}

public sealed record ProgrammeActivity(string Key, string Name, string Description, ProgrammeRecord TickedBy);

/// <param name="Eef">The EEF implementation guide's phases this phase corresponds to.</param>
public sealed record ProgrammePhase(string Key, string Name, string Summary, IReadOnlyList<string> Eef, IReadOnlyList<ProgrammeActivity> Activities);

/// <summary>
/// The whole-school programme of the founding documents (DESIGN.md C8, ADR 0083): three phases, each with its
/// activities in our own words, and the EEF implementation phases beside them. The one definition the page, the API
/// and the hand ticks read.
/// </summary>
public static class WholeSchoolProgramme
{
    public static readonly IReadOnlyList<ProgrammePhase> Phases =
    [
        new("preparing", "Preparing for school improvement",
            "A small team takes stock of where the school is and designs how it will improve.",
            ["Explore", "Prepare"],
            [
                new("improvement-team", "Name an improvement team",
                    "A small group of leaders and teachers who lead the programme and keep it going.", ProgrammeRecord.ImprovementTeam),
                new("strengths-and-weaknesses", "Enquire into the school's strengths and weaknesses",
                    "An honest look at the data and at classrooms, recorded as the school's own self-evaluation in the last year.", ProgrammeRecord.SelfEvaluation),
                new("design", "Design the programme and its plan",
                    "Priorities and a plan whose goals read their status from the data, so everyone can see whether it is working.", ProgrammeRecord.Plan),
            ]),
        new("whole-school", "Going whole-school",
            "Every member of staff takes part: they learn to enquire, look at teaching together and test changes in cycles.",
            ["Deliver"],
            [
                new("training", "Train staff in enquiry",
                    "Staff learn how a cycle of enquiry runs: a problem of practice, a theory of action, a prediction and its measures.", ProgrammeRecord.ByHand),
                new("instructional-rounds", "Hold instructional rounds",
                    "Groups of teachers observe lessons on a problem of practice and describe, without judging, what pupils are doing.", ProgrammeRecord.Round),
                new("learning-teams", "Form learning teams",
                    "Staff work in teams on the units they share (a year group, a subject, an area such as SEND).", ProgrammeRecord.LearningTeam),
                new("first-cycle", "Run a first cycle of enquiry",
                    "A team tests one change idea in a Plan-Do-Study-Act cycle.", ProgrammeRecord.FirstCycle),
                new("early-success", "Share an early success",
                    "A change that worked is adopted, with the evidence that shows it, so others can see and try it.", ProgrammeRecord.SharedSuccess),
            ]),
        new("sustaining", "Sustaining momentum",
            "Enquiry becomes how the school works: cycles follow cycles, schools learn from one another, and the culture is looked at.",
            ["Sustain"],
            [
                new("further-cycles", "Establish further cycles of enquiry",
                    "Cycles follow one another: an adapted idea is tested again, and teacher learning is built into the process.", ProgrammeRecord.FurtherCycle),
                new("networks", "Work in networks with other schools",
                    "A learning team works across schools of the trust, so strong practice travels in both directions.", ProgrammeRecord.Network),
                new("culture", "Reflect on the school's culture",
                    "Leaders and staff look at how enquiry, collaboration and expectations have changed, and what to keep.", ProgrammeRecord.ByHand),
            ]),
    ];

    public static ProgrammeActivity? Activity(string? key) =>
        Phases.SelectMany(p => p.Activities).FirstOrDefault(a => string.Equals(a.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The phase the school is in: the first with an activity not done; the last when every activity is.</summary>
    public static ProgrammePhase PhaseOf(Func<ProgrammeActivity, bool> done) =>
        Phases.FirstOrDefault(p => !p.Activities.All(done)) ?? Phases[^1];
}
