using Stepwise.Features.Plans;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// An enquiry as one CSV file (written with the one CSV writer, <see cref="PlanCsv"/>): its aim and progress score,
/// the boxes of its driver diagram, its measures with their latest figures and readings, and its cycles with their
/// decisions. What the reader may not see on the page (working notes) is not in the file either.
/// </summary>
public sealed class ExportEnquiry(ReadEnquiry read)
{
    public sealed record File(byte[] Bytes, string FileName);

    public async Task<File?> CsvAsync(int enquiryId, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, ct) is not { } view)
        {
            return null;
        }
        var e = view.Enquiry;
        var csv = new PlanCsv()
            .Row("Section", "Item", "Detail", "Value", "More")
            .Row("Enquiry", e.Title, $"{view.Team.Name} · {view.SchoolName}", null, e.ProblemOfPractice)
            .Row("Aim", e.Aim, e.AimBy, e.AimTarget, e.AimBaseline is double b ? $"baseline {PlanCsv.Cell(b)}" : null)
            .Row("Theory of action", e.TheoryWhen is null ? null : $"When {e.TheoryWhen}, then {e.TheoryThen}", null, null, null)
            .Row("Progress score", view.Score.Label, view.Score.Why, view.Score.Score, view.Score.Next);
        void Boxes(IEnumerable<DiagramBox> boxes, string path)
        {
            foreach (var box in boxes)
            {
                csv.Row("Driver diagram", box.Text, EditDriverDiagram.Name(box.Kind) + (path.Length == 0 ? "" : $" under {path}"),
                    box.Priority, box.Impact is null ? null : $"impact {box.Impact}, ease {box.Ease}; {box.Cycles} cycle(s)");
                Boxes(box.Children, box.Text);
            }
        }
        Boxes(EnquiryDiagram.Build(view).Primaries, "");
        foreach (var m in view.Measures)
        {
            var latest = m.Analysis.Series.Latest;
            csv.Row("Measure", m.Measure.Name, $"{SaveMeasure.Code(m.Measure.Kind)}: {m.Measure.OperationalDefinition}", latest?.Value,
                latest is null ? m.Analysis.Reading.Sentence : $"{latest.Period}: {m.Analysis.Reading.Sentence}");
        }
        foreach (var c in view.Cycles)
        {
            csv.Row("Cycle", $"PDSA {c.Cycle.Number}: {c.ChangeIdea}", $"{c.UnitName}, {c.SchoolName}, from {PlanCsv.Cell(c.Cycle.StartsOn)}",
                EnquiryJson.DecisionCode(c.Cycle.Decision) ?? "running", view.Access.Detail ? c.Cycle.DecisionNote : null);
        }
        return new File(csv.ToBytes(), $"enquiry-{e.Id}-{Common.Slug.Of(e.Title, 60)}.csv");
    }
}
