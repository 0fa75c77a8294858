using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Coaching;

/// <summary>A school's coaching for its leaders: the counts, who is paired with whom (names and dates), pairing and ending pairs.</summary>
public sealed class SchoolModel(ReadCoachingOverview overview, ArrangeCoaching arrange) : PageModel
{
    [BindProperty]
    public PairInput Input { get; set; } = new();

    public ReadCoachingOverview.SchoolOverview Overview { get; private set; } = null!;
    public List<ArrangeCoaching.ArrangedPair> Pairs { get; private set; } = [];
    public List<ArrangeCoaching.PersonChoice> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await LoadAsync(urn, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostArrangeAsync(int urn, CancellationToken ct)
    {
        var outcome = await arrange.ArrangeAsync(urn, Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid && !await LoadAsync(urn, ct))
        {
            return NotFound();
        }
        return this.Reply(outcome, p => this.Done($"{p.Teacher} is paired with {p.Coach}.", $"/schools/{urn}/coaching"));
    }

    public async Task<IActionResult> OnPostEndAsync(int urn, int pairId, CancellationToken ct)
    {
        if (await arrange.SchoolAsync(urn, ct) is null)
        {
            return NotFound();
        }
        var outcome = await arrange.EndAsync(pairId, ct);
        if (outcome.Kind == OutcomeKind.Invalid && !await LoadAsync(urn, ct))
        {
            return NotFound();
        }
        return this.Reply(outcome, p => this.Done($"The coaching of {p.Teacher} by {p.Coach} has ended.", $"/schools/{urn}/coaching"));
    }

    private async Task<bool> LoadAsync(int urn, CancellationToken ct)
    {
        if (await overview.SchoolAsync(urn, ct) is not { } school || await arrange.PairsAsync(urn, ct) is not { } pairs
            || await arrange.SchoolAsync(urn, ct) is not { } entity)
        {
            return false;
        }
        (Overview, Pairs) = (school, pairs);
        People = await arrange.PeopleAsync(entity, ct);
        ViewData["Urn"] = urn;
        return true;
    }
}
