using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Enquiries;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Rounds;

public sealed class NewRoundModel(PlanRound plan, ReadLanguage language, ReadTeams teams, AccessControl access) : PageModel
{
    private const int GroupSlots = 3;

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public ReadLanguage.LanguageView? Language { get; private set; }
    public List<(int Urn, string Name)> Schools { get; private set; } = [];
    public List<ReadTeams.PersonChoice> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.MinimumClassrooms = RoundRules.MinimumClassrooms;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await plan.CreateAsync(Input, ct), r => this.Done($"The round \"{r.Title}\" has been planned.", $"/rounds/{r.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (access.PersonId is null)
        {
            return Forbid();
        }
        var schools = await (await access.SchoolsAsync(Permission.LeadRounds, ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name)
            .Select(s => new { s.Urn, s.Name }).ToListAsync(ct);
        if (schools.Count == 0)
        {
            return Forbid();
        }
        Schools = schools.Select(s => (s.Urn, s.Name)).ToList();
        Language = await language.CurrentAsync(ct);
        People = await teams.PeopleChoicesAsync(ct);
        while (Input.Groups.Count < GroupSlots)
        {
            Input.Groups.Add(new RoundGroupInput { Name = Input.Groups.Count == 0 && HttpMethods.IsGet(Request.Method) ? "Group A" : null });
        }
        return null;
    }
}
