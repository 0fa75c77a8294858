using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>One area (pillar) of the trust's self-evaluation: what it asks, every judgement of it, and the form to record one.</summary>
public sealed class AreaModel(ReadTrustEvaluation read, EvaluateTrust evaluate, AccessControl access, TimeProvider clock) : PageModel
{
    public TrustEvaluationView View { get; private set; } = null!;
    public TrustAreaView Area { get; private set; } = null!;

    [BindProperty]
    public JudgementForm Input { get; set; } = new();

    public sealed record JudgementForm
    {
        public string? Grade { get; init; }
        public string? Strengths { get; init; }
        public string? AreasForDevelopment { get; init; }
        public DateOnly? JudgedOn { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(int areaId, CancellationToken ct)
    {
        if (await LoadAsync(areaId, ct) is { } missing)
        {
            return missing;
        }
        Input = new JudgementForm { JudgedOn = clock.Today() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int areaId, CancellationToken ct)
    {
        if (await LoadAsync(areaId, ct) is { } missing)
        {
            return missing;
        }
        var outcome = await evaluate.HandleAsync(new TrustJudgementInput
        {
            Framework = View.FrameworkKey,
            Area = Area.Key,
            Grade = Input.Grade,
            Strengths = Input.Strengths,
            AreasForDevelopment = Input.AreasForDevelopment,
            JudgedOn = Input.JudgedOn,
        }, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors);
            return Page();
        }
        return this.Reply(outcome, j => this.Done($"The trust's judgement of {Area.Name} ({j.GradeName}) has been recorded.", $"/trust/self-evaluation/areas/{Area.AreaId}"));
    }

    private async Task<IActionResult?> LoadAsync(int areaId, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.EvaluateTrust, ct))
        {
            return Forbid();
        }
        var found = await read.AreaAsync(areaId, ct);
        if (found is null)
        {
            return NotFound();
        }
        if (found.MovedTo is int today)
        {
            return Redirect($"/trust/self-evaluation/areas/{today}");
        }
        (View, Area) = (found.Evaluation, found.Area);
        return null;
    }
}
