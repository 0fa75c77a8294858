using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Pupils;

public sealed class EditModel(SavePupil savePupil, ReadPupil read) : PupilFormModel
{
    public string Key { get; private set; } = "";
    public DateOnly? LeftOn { get; private set; }
    public List<PupilCharacteristic> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string pupilKey, CancellationToken ct) => await LoadAsync(pupilKey, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string pupilKey, CancellationToken ct)
    {
        var posted = Input;
        if (await LoadAsync(pupilKey, ct) is { } refused)
        {
            return refused;
        }
        Input = posted;
        if (!CheckboxesRead())
        {
            return Page();
        }
        return this.Reply(await savePupil.UpdateAsync(pupilKey, Input, ct), _ => this.Done("Your changes have been saved from today.", $"/pupils/{pupilKey}"));
    }

    public async Task<IActionResult> OnPostLeaveAsync(string pupilKey, CancellationToken ct) =>
        await LoadAsync(pupilKey, ct) ?? this.Reply(await savePupil.LeaveAsync(pupilKey, ct), _ => this.Done("The pupil is recorded as having left.", $"/schools/{Urn}/pupils"));

    private async Task<IActionResult?> LoadAsync(string pupilKey, CancellationToken ct)
    {
        var outcome = await read.HandleAsync(pupilKey, Permission.EditPupils, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }
        var (pupil, school, details) = outcome.Value!;
        Input = new PupilInput
        {
            YearGroup = details.YearGroup, Disadvantaged = details.Disadvantaged, FreeSchoolMeals = details.FreeSchoolMeals,
            Sen = details.Sen, Eal = details.Eal, Sex = details.Sex,
        };
        (Key, LeftOn, Urn, SchoolName) = (pupil.Key, pupil.LeftOn, school.Urn, school.Name);
        History = pupil.RecordedHere.OrderBy(c => c.Kind).ThenBy(c => c.From).ToList();
        ViewData["Urn"] = school.Urn;
        return null;
    }
}
