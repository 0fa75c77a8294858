using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Enquiries;

public sealed class NewMeasureModel(ReadEnquiry read, SaveMeasure save) : PageModel
{
    public EnquiryView View { get; private set; } = null!;

    [BindProperty]
    public MeasureInput Input { get; set; } = new() { Kind = "process", Polarity = "up", Frequency = "weekly" };

    public List<SelectListItem> Kinds { get; } =
    [
        new("Process: is the change happening?", "process"), new("Outcome: is the aim being met?", "outcome"), new("Balancing: is anything else getting worse?", "balancing"),
    ];

    public List<SelectListItem> Polarities { get; } = [new("Higher is better", "up"), new("Lower is better", "down"), new("Neither", "neutral")];

    public List<SelectListItem> Frequencies { get; } = [new("Weekly", "weekly"), new("Lesson by lesson", "lesson")];

    public List<SelectListItem> Metrics { get; private set; } = [];

    public List<SelectListItem> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int enquiryId, CancellationToken ct) => await LoadAsync(enquiryId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int enquiryId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct) is { } refused)
        {
            return refused;
        }
        // A team measure sends no metric; a metric measure's unit and direction come from the metric.
        var input = Input;
        if (string.IsNullOrWhiteSpace(input.MetricKey))
        {
            input.MetricKey = null;
            input.Group = null;
        }
        else
        {
            input.Unit = input.Polarity = input.Frequency = null;
        }
        ModelState.Clear();
        return this.Reply(await save.AddAsync(enquiryId, input, ct), m => this.Done($"“{m.Name}” is one of the enquiry's measures.",
            m.IsTeamMeasure ? $"/enquiries/{enquiryId}/measures/{m.Id}" : $"/enquiries/{enquiryId}#measure-{m.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int enquiryId, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, ct) is not { } view)
        {
            return NotFound();
        }
        if (!view.Access.Edit)
        {
            return Forbid();
        }
        View = view;
        var choices = await save.MetricChoicesAsync(view.Enquiry.SchoolId, ct);
        Metrics = choices.Select(c => new SelectListItem(c.Name, c.Key)).Prepend(new SelectListItem("The team's own figures (a team measure)", "")).ToList();
        Groups = choices.SelectMany(c => c.Groups).Distinct().Select(g => new SelectListItem(PupilGroups.Name(g), g)).ToList();
        return null;
    }
}
