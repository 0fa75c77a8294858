using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Enquiries;

public sealed class TeamMeasureModel(ReadEnquiry read, RecordTeamMeasureValues record, AppDbContext db) : PageModel
{
    public EnquiryView View { get; private set; } = null!;
    public MeasureView Measure { get; private set; } = null!;
    public List<TeamMeasureValue> Values { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty]
    public MeasureValueInput Input { get; set; } = new();

    [BindProperty]
    public string? Paste { get; set; }

    [BindProperty(SupportsGet = true, Name = "correct")]
    public int? Correcting { get; set; }

    public async Task<IActionResult> OnGetAsync(int enquiryId, int measureId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, measureId, ct) is { } refused)
        {
            return refused;
        }
        if (Correcting is int id && Values.FirstOrDefault(v => v.Id == id) is { } value)
        {
            Input = new MeasureValueInput { On = value.On, Lesson = value.Lesson, Value = value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Note = value.Note };
        }
        else
        {
            Correcting = null;
        }
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(int enquiryId, int measureId, CancellationToken ct) =>
        WriteAsync(enquiryId, measureId, () => record.AddAsync(enquiryId, measureId, Input, ct), v => "The figure has been saved.", ct);

    public Task<IActionResult> OnPostCorrectAsync(int enquiryId, int measureId, int valueId, CancellationToken ct)
    {
        Correcting = valueId;
        return WriteAsync(enquiryId, measureId, () => record.CorrectAsync(enquiryId, measureId, valueId, Input, ct), v => "The figure has been corrected.", ct);
    }

    public Task<IActionResult> OnPostDeleteAsync(int enquiryId, int measureId, int valueId, CancellationToken ct) =>
        WriteAsync(enquiryId, measureId, () => record.DeleteAsync(enquiryId, measureId, valueId, ct), v => $"The figure of {Display.Date(v.On)} has been deleted.", ct);

    public Task<IActionResult> OnPostPasteAsync(int enquiryId, int measureId, CancellationToken ct) =>
        WriteAsync(enquiryId, measureId, () => record.PasteAsync(enquiryId, measureId, Paste, ct), v => $"{v.Count} figure{(v.Count == 1 ? " has" : "s have")} been saved.", ct, "Paste");

    private async Task<IActionResult> WriteAsync<T>(int enquiryId, int measureId, Func<Task<Outcome<T>>> write, Func<T, string> notice, CancellationToken ct, string? field = null)
    {
        if (await LoadAsync(enquiryId, measureId, ct) is { } refused)
        {
            return refused;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var outcome = await write();
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.Clear();
            if (field is not null)
            {
                foreach (var message in outcome.Errors.SelectMany(e => e.Value))
                {
                    ModelState.AddModelError(field, message);
                }
                return Page();
            }
        }
        return this.Reply(outcome, v => this.Done(notice(v), $"/enquiries/{enquiryId}/measures/{measureId}"));
    }

    private async Task<IActionResult?> LoadAsync(int enquiryId, int measureId, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, ct) is not { } view || view.Measures.FirstOrDefault(m => m.Measure.Id == measureId && m.Measure.IsTeamMeasure) is not { } measure)
        {
            return NotFound();
        }
        View = view;
        Measure = measure;
        CanEdit = view.Access.Edit && view.Enquiry.ClosedAt is null;
        Values = await db.TeamMeasureValues.AsNoTracking().Where(v => v.MeasureId == measureId).OrderByDescending(v => v.On).ThenBy(v => v.Lesson).ToListAsync(ct);
        return null;
    }
}
