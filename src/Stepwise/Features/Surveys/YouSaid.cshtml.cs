using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Surveys;

/// <summary>A school's "you said, we did": what was heard, what was done, and whether it is on the public page.</summary>
public sealed class YouSaidModel(ReadYouSaidWeDid read, AccessControl access, SaveYouSaidWeDid save, TimeProvider clock) : PageModel
{
    [BindProperty]
    public YouSaidInput Input { get; set; } = new();

    public School School { get; private set; } = null!;
    public List<ReadYouSaidWeDid.Entry> Entries { get; private set; } = [];
    public string? LinkedTo { get; private set; }

    /// <summary>The school's plan actions, to link an entry to the one that carries it out.</summary>
    public List<SelectListItem> PlanActions { get; private set; } = [];

    /// <summary>The school's plan priorities, grouped by plan, to add "we did" as a new action under; empty for people who may not change the plan.</summary>
    public List<SelectListItem> Priorities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, int? question, int? visit, CancellationToken ct)
    {
        var refused = await LoadAsync(urn, ct);
        if (refused is not null)
        {
            return refused;
        }
        Input = new YouSaidInput { ActionOn = clock.Today(), Source = Codes.Of(FeedbackSource.Comment), Published = true };
        if (question is int q && await read.QuestionTextAsync(School.Id, q, ct) is { } text)
        {
            (Input.SurveyQuestionId, Input.Source, LinkedTo) = (q, Codes.Of(FeedbackSource.SurveyQuestion), $"Survey question: “{text}”");
        }
        if (visit is int v && await read.VisitAsync(School.Id, v, ct) is { } found)
        {
            (Input.GovernorVisitId, Input.Source, Input.YouSaid, LinkedTo) = (v, Codes.Of(FeedbackSource.VisitFinding), found.Findings.Length > 1000 ? found.Findings[..1000] : found.Findings, $"Governor visit: {found.Focus}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var refused = await LoadAsync(urn, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await save.CreateAsync(urn, Input, ct), e => this.Done(e.Published ? "Recorded, and shown on the public page." : "Recorded (not yet on the public page).", $"/schools/{urn}/you-said-we-did"));
    }

    public async Task<IActionResult> OnPostPublishAsync(int urn, int entryId, bool published, CancellationToken ct)
    {
        var refused = await LoadAsync(urn, ct);
        return refused ?? this.Reply(await save.SetPublishedAsync(urn, entryId, published, ct),
            e => this.Done(e.Published ? "Now shown on the public page." : "Taken off the public page.", $"/schools/{urn}/you-said-we-did"));
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var outcome = await read.ForSchoolAsync(urn, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }
        (School, Entries) = (outcome.Value!.School, outcome.Value.Entries);
        ViewData["Urn"] = urn;
        PlanActions = (await read.PlanActionsAsync(School.Id, ct))
            .Select(a => new SelectListItem($"{a.Title} ({a.Owner})", $"{a.Id}")).Prepend(new SelectListItem("Not linked to the plan", "")).ToList();
        Priorities = await access.CanAsync(Permission.EditPlans, School.Id, ct) ? await PrioritiesAsync(School.Id, ct) : [];
        return null;
    }

    private async Task<List<SelectListItem>> PrioritiesAsync(int schoolId, CancellationToken ct)
    {
        var rows = await read.PrioritiesAsync(schoolId, ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var groups = rows.Select(r => (r.PlanId, r.Plan)).Distinct().ToDictionary(r => r.PlanId, r => new SelectListGroup { Name = r.Plan });
        return rows.Select(r => new SelectListItem(r.Title, $"{r.Id}") { Group = groups[r.PlanId] })
            .Prepend(new SelectListItem("Do not add a new action", "")).ToList();
    }

    public static List<SelectListItem> Sources() =>
    [
        new("A survey question's results", Codes.Of(FeedbackSource.SurveyQuestion)),
        new("A comment (survey, meeting or message)", Codes.Of(FeedbackSource.Comment)),
        new("A governor's visit finding", Codes.Of(FeedbackSource.VisitFinding)),
    ];
}
