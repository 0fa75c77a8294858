using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;

namespace Stepwise.Features.Surveys;

public sealed class CreateModel(ReadSurveys read, BuildSurvey build, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SurveyInput Input { get; set; } = new();

    public Audience? Audience { get; private set; }
    public List<SelectListItem> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? audience, int? school, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }
        if (Codes.TryParse<Audience>(audience, out var chosen))
        {
            Audience = chosen;
            var today = clock.Today();
            Input = new SurveyInput
            {
                Audience = Codes.Of(chosen),
                Title = chosen switch
                {
                    Surveys.Audience.Staff => "Staff survey",
                    Surveys.Audience.Pupils => "Pupil voice survey",
                    _ => "Parent survey",
                } + $" {today:MMMM yyyy}",
                School = school?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Schools.FirstOrDefault(s => s.Value != "")?.Value,
                OpensOn = today,
                ClosesOn = today.AddDays(14),
                Distribution = Codes.Of(chosen == Surveys.Audience.Pupils ? Distribution.OneTimeCodes : Distribution.OpenLink),
                AskYearGroup = chosen != Surveys.Audience.Staff,
                AskStaffRole = chosen == Surveys.Audience.Staff,
                BankCodes = QuestionBank.For(chosen).Select(i => i.Code).ToList(),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }
        Audience = Codes.TryParse<Audience>(Input.Audience, out var chosen) ? chosen : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await build.CreateAsync(Input, ct), survey =>
            this.Done($"\"{survey.Title}\" is ready as a draft with {survey.Questions.Count} questions. Add your own, then open it.", $"/surveys/{survey.Id}"));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await read.WhereToBuildAsync(ct) is not { } choices)
        {
            return false;
        }
        Schools = choices.Schools.Select(s => new SelectListItem(s.Name, s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (choices.TrustWide)
        {
            Schools.Insert(0, new SelectListItem("Every school in the trust", "trust"));
        }
        return true;
    }
}
