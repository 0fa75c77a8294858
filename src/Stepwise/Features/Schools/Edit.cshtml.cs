using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

public sealed class EditModel(SaveSchool saveSchool, ArchiveSchool archiveSchool, AccessControl access) : SchoolFormModel
{
    public int Urn { get; private set; }
    public string SchoolName { get; private set; } = "";
    public bool Archived { get; private set; }
    public bool CanArchive { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        if (!await access.CanAsync(Permission.EditSchool, school.Id, ct))
        {
            return Forbid();
        }
        Input = SchoolInput.From(school);
        await DescribeAsync(school, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        await DescribeAsync(school, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await saveSchool.UpdateAsync(urn, Input, ct);
        return Respond(outcome, $"Your changes to {Input.Name} have been saved.");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int urn, bool archive, CancellationToken ct)
    {
        var outcome = await archiveSchool.HandleAsync(urn, archive, ct);
        return Respond(outcome, archive ? "The school has been archived. Its history is kept." : "The school is back in your lists.");
    }

    private IActionResult Respond(Outcome<SchoolSummary> outcome, string notice) =>
        this.Reply(outcome, school => this.Done(notice, $"/schools/{school.Urn}"));

    private async Task DescribeAsync(School school, CancellationToken ct)
    {
        Urn = school.Urn;
        SchoolName = school.Name;
        Archived = school.ArchivedAt is not null;
        CanArchive = await access.CanAcrossTrustAsync(Permission.CreateSchool, ct);
        ViewData["Urn"] = school.Urn;
    }
}
