using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Evidence;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>One area: what it covers, every judgement of it (across framework versions), and the form to judge it.</summary>
public sealed class AreaModel(ReadSelfEvaluation read, RecordJudgement record, ReadEvidenceChoices choices, TimeProvider clock) : PageModel
{
    public ReadSelfEvaluation.Context Context { get; private set; } = null!;
    public SelfEvaluationView View { get; private set; } = null!;
    public AreaJudgements Area { get; private set; } = null!;
    public List<SelectListItem> Sources { get; private set; } = [];

    [BindProperty]
    public JudgementForm Input { get; set; } = new();

    public sealed record JudgementForm
    {
        public string? Grade { get; init; }
        public string? Source { get; init; }
        public string? Strengths { get; init; }
        public string? AreasForDevelopment { get; init; }
        public DateOnly? JudgedOn { get; init; }
        public List<EvidenceInput> Evidence { get; init; } = [];
    }

    public const int EvidenceRows = 3;

    public bool CanJudge => Sources.Count > 0;

    public async Task<IActionResult> OnGetAsync(int urn, int areaId, int? unit, CancellationToken ct)
    {
        if (await LoadAsync(urn, areaId, unit, ct) is { } missing)
        {
            return missing;
        }
        Input = new JudgementForm
        {
            Source = Sources.FirstOrDefault()?.Value,
            JudgedOn = clock.Today(),
            Evidence = Enumerable.Range(0, EvidenceRows).Select(_ => new EvidenceInput()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, int areaId, int? unit, CancellationToken ct)
    {
        if (await LoadAsync(urn, areaId, unit, ct) is { } missing)
        {
            return missing;
        }
        if (!CanJudge)
        {
            return Forbid();
        }
        var outcome = await record.HandleAsync(urn, new JudgementInput
        {
            Framework = View.FrameworkKey,
            Area = Area.Key,
            UnitId = Context.Unit.Id,
            Grade = Input.Grade,
            Source = Input.Source,
            Strengths = Input.Strengths,
            AreasForDevelopment = Input.AreasForDevelopment,
            JudgedOn = Input.JudgedOn,
            Evidence = Input.Evidence,
        }, ct);
        while (Input.Evidence.Count < EvidenceRows)
        {
            Input.Evidence.Add(new EvidenceInput());
        }
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // Blank evidence rows are skipped by the use case, so its numbering counts filled rows only: map back.
            var filled = Input.Evidence.Select((e, i) => (e, i)).Where(x => !x.e.IsEmpty).Select(x => x.i).ToList();
            var renamed = outcome.Errors.Keys.Where(k => k.StartsWith("evidence[", StringComparison.Ordinal))
                .ToDictionary(k => k, k =>
                {
                    var n = int.Parse(k[9..k.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
                    return $"evidence[{(n < filled.Count ? filled[n] : n)}]{k[(k.IndexOf(']') + 1)..]}";
                });
            FormErrors.AddTo(ModelState, outcome.Errors, renamed: renamed);
            return Page();
        }
        return this.Reply(outcome, j => this.Done($"Your judgement of {Area.Name} ({j.GradeName}) has been recorded.",
            $"/schools/{urn}/self-evaluation?framework={View.FrameworkKey}&unit={Context.Unit.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int urn, int areaId, int? unit, CancellationToken ct)
    {
        var found = await read.AreaAsync(urn, areaId, unit, ct);
        if (found is null)
        {
            return NotFound();
        }
        if (found.MovedTo is int today)
        {
            return Redirect($"/schools/{urn}/self-evaluation/areas/{today}?unit={found.Context.Unit.Id}");
        }
        (Context, View, Area) = (found.Context, found.Evaluation, found.Area);
        ViewData["Urn"] = urn;
        Sources = found.CanRecord.Select(s => new SelectListItem(SourceNames[s], s)).ToList();
        ViewData[EvidenceChoices.ViewDataKey] = await choices.HandleAsync(ct);
        return null;
    }

    private static readonly Dictionary<string, string> SourceNames = new()
    {
        ["self"] = "The school's own judgement",
        ["trust"] = "The trust's judgement",
        ["external"] = "An external review's judgement",
    };
}
