using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>One area: what it covers, every judgement of it (across framework versions), and the form to judge it.</summary>
public sealed class AreaModel(ReadSelfEvaluation read, RecordJudgement record, FrameworkCatalogue catalogue, AccessControl access, AppDbContext db, TimeProvider clock) : PageModel
{
    public ReadSelfEvaluation.Context Context { get; private set; } = null!;
    public SelfEvaluationView View { get; private set; } = null!;
    public AreaJudgements Area { get; private set; } = null!;
    public List<SelectListItem> Sources { get; private set; } = [];
    public List<SelectListItem> Metrics { get; private set; } = [];
    public List<SelectListItem> Groups { get; private set; } = [];
    public Dictionary<string, string> MetricNames { get; private set; } = [];

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
            JudgedOn = ActingPerson.Today(clock),
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
        var context = await read.ContextAsync(urn, unit, ct);
        var version = context is null ? null : await catalogue.LoadForAreaAsync(areaId, ct);
        if (context is null || version is null)
        {
            return NotFound();
        }
        Context = context;
        ViewData["Urn"] = urn;
        View = await read.ForAsync(context, version.Framework.Id, ct);
        var area = View.Areas.FirstOrDefault(a => a.AreaId == areaId);
        if (area is null)
        {
            // An area of an earlier version: the area with the same key today, if there is one.
            var key = version.Areas.First(a => a.Id == areaId).Key;
            return View.Areas.FirstOrDefault(a => a.Key == key) is { } today
                ? Redirect($"/schools/{urn}/self-evaluation/areas/{today.AreaId}?unit={context.Unit.Id}")
                : NotFound();
        }
        Area = area;

        if (await access.CanForUnitAsync(Permission.EditSelfEvaluation, context.School.Id, context.Unit.Id, ct))
        {
            Sources.Add(new SelectListItem("The school's own judgement", "self"));
        }
        if (await access.CanAcrossTrustAsync(Permission.ModerateSchools, ct))
        {
            Sources.Add(new SelectListItem("The trust's judgement", "trust"));
            Sources.Add(new SelectListItem("An external review's judgement", "external"));
        }
        var metrics = await db.Metrics.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Key, m.Name }).ToListAsync(ct);
        MetricNames = metrics.ToDictionary(m => m.Key, m => m.Name);
        Metrics = metrics.Select(m => new SelectListItem(m.Name, m.Key)).Prepend(new SelectListItem("None", "")).ToList();
        Groups = PupilGroups.Comparisons.SelectMany(c => new[] { (c.Group, c.Name), (c.Others, c.OthersName) })
            .Prepend((PupilGroups.All, PupilGroups.Name(PupilGroups.All)))
            .Select(g => new SelectListItem(g.Item2, g.Item1)).ToList();
        return null;
    }

    public static List<SelectListItem> Kinds => Enum.GetValues<EvidenceKind>()
        .Select(k => new SelectListItem(Stepwise.Features.Shared.Display.Sentence(Codes.Of(k)), Codes.Of(k)))
        .Prepend(new SelectListItem("From what is filled in", "")).ToList();
}
