using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>Where the national figures came from: every import, newest first; and, for a trust's data manager, a file to import.</summary>
public sealed class ImportsModel(AppDbContext db, QueueNationalImport queue) : PageModel
{
    public sealed class FormInput
    {
        public string? Kind { get; set; }
        public int? Year { get; set; }
        public IFormFile? File { get; set; }
        public bool AcceptValid { get; set; }
        public bool Replace { get; set; }
    }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public List<ImportRun> Runs { get; private set; } = [];
    public int Schools { get; private set; }
    public int Figures { get; private set; }
    public bool MayImport { get; private set; }
    public List<ImportJob> Jobs { get; private set; } = [];

    public static IEnumerable<SelectListItem> Kinds => NationalMeasures.Layouts.Select(l => new SelectListItem(l.Source, l.Kind))
        .Prepend(new SelectListItem("The school register (Get Information About Schools)", ImportRegister.Kind))
        .Prepend(new SelectListItem("Choose…", ""));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await queue.HandleAsync(new QueueNationalImport.Input(Input.Kind, Input.Year, Input.File, Input.AcceptValid, Input.Replace), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            await LoadAsync(ct);
        }
        return this.Reply(outcome, job => Redirect($"/imports/{job.Id}"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Runs = await db.ImportRuns.OrderByDescending(r => r.Id).Take(200).AsNoTracking().ToListAsync(ct);
        Schools = await db.ReferenceSchools.CountAsync(ct);
        Figures = await db.ReferenceValues.CountAsync(ct);
        MayImport = await queue.MayImportAsync(ct);
        Jobs = await queue.RecentAsync(ct);
    }
}
