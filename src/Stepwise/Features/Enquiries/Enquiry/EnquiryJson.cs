using Stepwise.Analytics.Spc;


namespace Stepwise.Features.Enquiries;

/// <summary>
/// An enquiry as the API returns it, made from the one read (<see cref="ReadEnquiry"/>): its aim, its computed
/// progress score with why and what would move it, the driver diagram as a tree, the measures with their SPC reading,
/// points and the cycles marked on them, and its cycles. Without <see cref="TeamAccess.Detail"/> (governors, reviewers)
/// the working notes are left out: what happened, the study, the decision note and the notes on the team's figures.
/// </summary>
public static class EnquiryJson
{
    public sealed record Enquiry(int Id, string Title, int TeamId, string Team, int SchoolUrn, string School, string ProblemOfPractice, string Aim,
        double? AimBaseline, double? AimTarget, DateOnly? AimBy, string? TheoryWhen, string? TheoryThen, DateTime CreatedAt, DateTime? ClosedAt, bool CanEdit,
        double ProgressScore, string ProgressLabel, string ProgressWhy, string? ProgressNext, IReadOnlyList<Step> ProgressSteps,
        Diagram Driver, IReadOnlyList<Measure> Measures, IReadOnlyList<Cycle> Cycles)
    {
        /// <summary>The plan action the enquiry carries out, with the priority page to read it on.</summary>
        public PlanAction? CarriesOut { get; init; }
    }

    public sealed record PlanAction(int Id, string Title, string Plan, string Priority, string Url);

    public sealed record Step(double Score, string Label, bool Met, string? Evidence);

    public sealed record Diagram(string Aim, IReadOnlyList<Node> Nodes);

    /// <param name="Kind">"primary", "secondary" or "change-idea".</param>
    public sealed record Node(int Id, string Kind, string Text, int? ParentId, int? Impact, int? Ease, int Position, int Cycles, IReadOnlyList<Node> Children);

    /// <param name="Source">"metric" (a school's metric series) or "team" (the team's own figures).</param>
    /// <param name="Variation">The latest point's: "improvement", "concern", "neutral", "common", or "no-data".</param>
    public sealed record Measure(int Id, string Kind, string Name, string OperationalDefinition, string Source, int? SchoolUrn, string? MetricKey, string? Group,
        string Unit, string Polarity, string? Frequency, double? Target, string Reading, string Variation, string Assurance, double? Mean,
        double? UpperProcessLimit, double? LowerProcessLimit, IReadOnlyList<Point> Points, IReadOnlyList<Annotation> Annotations);

    public sealed record Point(string Period, DateOnly Start, double? Value, string? Variation, string? Rule);

    public sealed record Annotation(DateOnly On, string Label, string? Url);

    /// <param name="Decision">"adopt", "adapt", "abandon", or null while the cycle runs.</param>
    public sealed record Cycle(int Id, int Number, int ChangeIdeaId, string ChangeIdea, string Unit, string School, DateOnly StartsOn, string Question,
        string Prediction, string? Decision, DateOnly? DecidedOn, string? WhatHappened, string? Study, string? DecisionNote, int? PreviousCycleId, int? NextCycleId, string Url);

    /// <summary>A box just written.</summary>
    public sealed record WrittenNode(int Id, string Kind, string Text, int? ParentId, int? Impact, int? Ease, int Position, DateTime? RemovedAt);

    /// <summary>A team's figure just written; the note only for those who read working notes.</summary>
    public sealed record Figure(int Id, DateOnly On, string? Lesson, double Value, string? Note, DateTime EnteredAt, string By);

    public static Enquiry Of(EnquiryView view, IReadOnlyDictionary<int, int> schoolUrns)
    {
        var e = view.Enquiry;
        var detail = view.Access.Detail;
        var score = view.Score;
        return new Enquiry(e.Id, e.Title, view.Team.Id, view.Team.Name, view.SchoolUrn, view.SchoolName, e.ProblemOfPractice, e.Aim, e.AimBaseline, e.AimTarget, e.AimBy,
            e.TheoryWhen, e.TheoryThen, e.CreatedAt, e.ClosedAt, view.Access.Edit,
            score.Score, score.Label, score.Why, score.Next, score.Steps.Select(s => new Step(s.Score, s.Label, s.Met, s.Evidence)).ToList(),
            DiagramOf(EnquiryDiagram.Build(view)),
            view.Measures.Select(m => MeasureOf(m, schoolUrns)).ToList(),
            view.Cycles.Select(c => new Cycle(c.Cycle.Id, c.Cycle.Number, c.Cycle.ChangeIdeaId, c.ChangeIdea, c.UnitName, c.SchoolName, c.Cycle.StartsOn, c.Cycle.Question,
                c.Cycle.Prediction, DecisionCode(c.Cycle.Decision), c.Cycle.DecidedOn, detail ? c.Cycle.WhatHappened : null, detail ? c.Cycle.Study : null,
                detail ? c.Cycle.DecisionNote : null, c.Cycle.PreviousCycleId, c.NextCycleId, $"/enquiries/{e.Id}/cycles/{c.Cycle.Id}")).ToList())
        {
            CarriesOut = view.CarriesOut is { } a ? new PlanAction(a.ActionId, a.Action, a.Plan, a.Priority, $"/priorities/{a.PriorityId}") : null,
        };
    }

    public static string? DecisionCode(CycleDecision? decision) => decision?.ToString().ToLowerInvariant();

    public static Diagram DiagramOf(DiagramTree tree)
    {
        Node NodeOf(DiagramBox b, int? parent) =>
            new(b.Id, EditDriverDiagram.Code(b.Kind), b.Text, parent, b.Impact, b.Ease, b.Position, b.Cycles, b.Children.Select(c => NodeOf(c, b.Id)).ToList());
        return new Diagram(tree.Aim, tree.Primaries.Select(p => NodeOf(p, null)).ToList());
    }

    public static Measure MeasureOf(MeasureView view, IReadOnlyDictionary<int, int> schoolUrns)
    {
        var m = view.Measure;
        var a = view.Analysis;
        var metric = a.Series.Metric;
        var labels = a.Charted.ToDictionary(c => c.Point);
        return new Measure(m.Id, SaveMeasure.Code(m.Kind), m.Name, m.OperationalDefinition, m.IsTeamMeasure ? "team" : "metric",
            m.SchoolId is int id ? schoolUrns.GetValueOrDefault(id) : null, m.MetricKey, m.Group, metric.Unit, metric.Polarity,
            m.Frequency is { } f ? SaveMeasure.Code(f) : null, m.Target ?? a.Target, a.Reading.Sentence, a.Charted.Count == 0 ? "no-data" : a.Latest.ToCode(),
            a.Assurance.ToCode(), a.Spc?.Mean, a.Spc?.UpperProcessLimit, a.Spc?.LowerProcessLimit,
            a.Series.Points.Select(p => new Point(p.Period, p.PeriodStart, p.Value, labels.TryGetValue(p, out var c) ? c.Variation.ToCode() : null,
                labels.TryGetValue(p, out var d) ? d.Rule : null)).ToList(),
            view.Annotations.Select(n => new Annotation(n.On, n.Label, n.Url)).ToList());
    }

    public static WrittenNode NodeOf(DriverNode n) => new(n.Id, EditDriverDiagram.Code(n.Kind), n.Text, n.ParentId, n.Impact, n.Ease, n.Position, n.RemovedAt);

    public static Figure FigureOf(TeamMeasureValue v, bool detail) => new(v.Id, v.On, v.Lesson, v.Value, detail ? v.Note : null, v.EnteredAt, v.By);
}
