using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Surveys;

/// <summary>A school's "you said, we did": what was heard, what was done, and whether it is on the public page.</summary>
public sealed class YouSaidModel(AppDbContext db, AccessControl access, SaveYouSaidWeDid save, TimeProvider clock) : PageModel
{
    public sealed record Entry(int Id, string Source, string YouSaid, string WeDid, string? Owner, DateOnly ActionOn, bool Published, string? LinkedTo, string? LinkHref,
        string? PlanAction = null, int? PriorityId = null);

    [BindProperty]
    public YouSaidInput Input { get; set; } = new();

    public School School { get; private set; } = null!;
    public List<Entry> Entries { get; private set; } = [];
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
        Input = new YouSaidInput { ActionOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Source = Codes.Of(FeedbackSource.Comment), Published = true };
        if (question is int q && await db.SurveyQuestions.Where(x => x.Id == q && db.Surveys.Any(s => s.Id == x.SurveyId && (s.SchoolId == School.Id || s.SchoolId == null))).Select(x => x.Text).FirstOrDefaultAsync(ct) is { } text)
        {
            (Input.SurveyQuestionId, Input.Source, LinkedTo) = (q, Codes.Of(FeedbackSource.SurveyQuestion), $"Survey question: “{text}”");
        }
        if (visit is int v && await db.GovernorVisits.Where(x => x.Id == v && x.SchoolId == School.Id).Select(x => new { x.Focus, x.Findings }).FirstOrDefaultAsync(ct) is { } found)
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
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        School = school;
        ViewData["Urn"] = urn;
        if (!await access.CanAsync(Permission.ManageSurveys, school.Id, ct))
        {
            return Forbid();
        }
        PlanActions = (await db.PlanActions.Where(a => a.SchoolId == school.Id).OrderBy(a => a.DueOn)
                .Select(a => new { a.Id, a.Title, a.Owner }).ToListAsync(ct))
            .Select(a => new SelectListItem($"{a.Title} ({a.Owner})", $"{a.Id}")).Prepend(new SelectListItem("Not linked to the plan", "")).ToList();
        Priorities = await access.CanAsync(Permission.EditPlans, school.Id, ct) ? await PrioritiesAsync(school.Id, ct) : [];
        var rows = await db.YouSaidWeDid.Where(e => e.SchoolId == school.Id).OrderByDescending(e => e.ActionOn).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Source, e.YouSaid, e.WeDid, e.Owner, e.ActionOn, e.Published, e.GovernorVisitId,
                Action = db.PlanActions.Where(a => a.Id == e.PlanActionId).Select(a => new { a.Title, a.PriorityId }).FirstOrDefault(),
                Question = db.SurveyQuestions.Where(q => q.Id == e.SurveyQuestionId).Select(q => new { q.Text, q.SurveyId }).FirstOrDefault(),
            }).ToListAsync(ct);
        Entries = rows.Select(e => new Entry(e.Id, Display.Sentence(Codes.Of(e.Source)), e.YouSaid, e.WeDid, e.Owner, e.ActionOn, e.Published,
            e.Question is not null ? $"“{e.Question.Text}”" : e.GovernorVisitId is not null ? "Governor visit" : null,
            e.Question is not null ? $"/surveys/{e.Question.SurveyId}/results" : e.GovernorVisitId is int v ? $"/visits/{v}" : null,
            e.Action?.Title, e.Action?.PriorityId)).ToList();
        return null;
    }

    private async Task<List<SelectListItem>> PrioritiesAsync(int schoolId, CancellationToken ct)
    {
        var rows = await (from p in db.Priorities
                          join plan in db.Plans on p.PlanId equals plan.Id
                          where p.SchoolId == schoolId
                          orderby plan.StartsOn descending, plan.Id, p.Order, p.Id
                          select new { p.Id, p.Title, PlanId = plan.Id, Plan = plan.Title }).ToListAsync(ct);
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
