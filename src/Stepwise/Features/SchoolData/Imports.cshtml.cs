using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;
using Stepwise.Features.Imports;
using Stepwise.Features.Shared;

namespace Stepwise.Features.SchoolData;

public sealed class ImportsModel(QueueImport queue, AccessControl access, AppDbContext db) : PageModel
{
    public sealed class FormInput
    {
        public string? Kind { get; set; }
        public IFormFile? File { get; set; }
        public bool AcceptValid { get; set; }
    }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public School School { get; private set; } = null!;
    public List<DataImport> History { get; private set; } = [];
    public List<JobLine> Jobs { get; private set; } = [];

    /// <summary>A recent upload as the list shows it: never its report, which only the job's own page reads.</summary>
    public sealed record JobLine(int Id, string FileName, string Kind, DateTime CreatedAt, string Actor, ImportJobStatus Status);

    public static IEnumerable<SelectListItem> Kinds =>
        SchoolFileLayout.All.Select(l => new SelectListItem($"{Display.Sentence(l.Kind)}: {l.Title.ToLowerInvariant()}", l.Kind)).Prepend(new SelectListItem("Choose…", ""));

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) =>
        await LoadAsync(urn, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var outcome = await queue.HandleAsync(urn, new QueueImport.Input(Input.Kind, Input.File, Input.AcceptValid), ct);
        if (outcome.Kind == OutcomeKind.Invalid && !await LoadAsync(urn, ct))
        {
            return NotFound();
        }
        return this.Reply(outcome, job => Redirect($"/schools/{urn}/imports/{job.Id}"));
    }

    private async Task<bool> LoadAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null || !await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return false;
        }
        School = school;
        History = await db.DataImports.AsNoTracking().Where(d => d.SchoolId == school.Id).OrderByDescending(d => d.At).Take(50).ToListAsync(ct);
        Jobs = await db.Set<ImportJob>().Where(j => j.SchoolId == school.Id).OrderByDescending(j => j.Id).Take(10)
            .Select(j => new JobLine(j.Id, j.FileName, j.Kind, j.CreatedAt, j.Actor, j.Status)).ToListAsync(ct);
        return true;
    }
}
