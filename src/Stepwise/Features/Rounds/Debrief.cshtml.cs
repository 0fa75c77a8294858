using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Rounds;

/// <summary>
/// The debrief: describe (every note, in year group, subject and text order), analyse (counts once the round visited
/// its minimum of classrooms; patterns named and notes sorted into them), predict, and the next level of work — kept
/// here, made an action in a school's plan, or an enquiry for a learning team.
/// </summary>
public sealed class DebriefPageModel(ReadRound read, DebriefRound debrief, AppDbContext db) : PageModel
{
    [BindProperty]
    public PatternInput Pattern { get; set; } = new();

    [BindProperty]
    public PredictionInput Prediction { get; set; } = new();

    [BindProperty]
    public NextStepInput Next { get; set; } = new();

    public ReadRound.DebriefView Debrief { get; private set; } = null!;
    public List<SelectListItem> Priorities { get; private set; } = [];
    public List<SelectListItem> Teams { get; private set; } = [];
    public List<SelectListItem> SchoolChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct) => await LoadAsync(roundId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPatternAsync(int roundId, CancellationToken ct) =>
        ChangeAsync(roundId, nameof(Pattern), debrief.PatternAsync(roundId, Pattern, ct), "The pattern has been named.", ct);

    public Task<IActionResult> OnPostPredictAsync(int roundId, CancellationToken ct) =>
        ChangeAsync(roundId, nameof(Prediction), debrief.PredictAsync(roundId, Prediction, ct), "The prediction has been saved.", ct);

    public Task<IActionResult> OnPostNextStepAsync(int roundId, CancellationToken ct) =>
        ChangeAsync(roundId, nameof(Next), debrief.NextStepAsync(roundId, Next, ct), "The next level of work has been agreed.", ct);

    private async Task<IActionResult> ChangeAsync(int roundId, string prefix, Task<Outcome<Round>> change, string notice, CancellationToken ct)
    {
        var outcome = await change;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return this.Done(notice, $"/rounds/{roundId}/debrief");
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors, prefix);
                return await LoadAsync(roundId, ct) ? Page() : NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int roundId, CancellationToken ct)
    {
        if (await read.DebriefAsync(roundId, ct) is not { } view)
        {
            return false;
        }
        Debrief = view;
        if (view.Round.Schools.Count == 1)
        {
            ViewData["Urn"] = view.Round.Schools[0].Urn;
        }
        if (view.Round.CanLead && view.Round.Stage == "debrief")
        {
            var urns = view.Round.Schools.Select(s => s.Urn).ToList();
            var priorities = await db.Priorities.AsNoTracking()
                .Join(db.Plans, p => p.PlanId, pl => pl.Id, (p, pl) => new { p.Id, p.Title, Plan = pl.Title, pl.SchoolId })
                .Join(db.Schools.Where(s => urns.Contains(s.Urn)), p => p.SchoolId, s => s.Id, (p, s) => new { p.Id, p.Title, p.Plan, School = s.Name })
                .ToListAsync(ct);
            Priorities = priorities.OrderBy(p => p.School).ThenBy(p => p.Plan).ThenBy(p => p.Id)
                .Select(p => new SelectListItem($"{p.Title} — {p.Plan}{(urns.Count > 1 ? $", {p.School}" : "")}", $"{p.Id}")).ToList();
            var teams = await db.LearningTeams.AsNoTracking().Where(t => t.ArchivedAt == null
                    && db.LearningTeamUnits.Any(u => u.TeamId == t.Id && db.Schools.Any(s => s.Id == u.SchoolId && urns.Contains(s.Urn))))
                .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
            Teams = teams.Select(t => new SelectListItem(t.Name, $"{t.Id}")).ToList();
            SchoolChoices = view.Round.Schools.Select(s => new SelectListItem(s.Name, $"{s.Urn}")).ToList();
        }
        return true;
    }
}
