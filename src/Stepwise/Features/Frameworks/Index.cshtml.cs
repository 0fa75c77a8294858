using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Frameworks;

/// <summary>The trust's frameworks, the library to add from, and importing a JSON definition.</summary>
public sealed class IndexModel(FrameworkCatalogue catalogue, SaveFramework save, AccessControl access) : PageModel
{
    public List<FrameworkSummary> Frameworks { get; private set; } = [];
    public List<FrameworkDefinition> Library { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public sealed record ImportInput
    {
        public string? Definition { get; init; }
        public IFormFile? File { get; init; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await DescribeAsync(ct);

    public async Task<IActionResult> OnPostInstallAsync(string key, CancellationToken ct)
    {
        var outcome = await save.InstallAsync(key, ct);
        await DescribeAsync(ct);
        return this.Reply(outcome, saved => this.Done(saved.Message, $"/frameworks/{saved.Framework.Id}"));
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await DescribeAsync(ct);
        if (!CanManage)
        {
            return Forbid();
        }
        var (text, tooLarge) = await UploadedText.ReadAsync(Input.File, Input.Definition, "a framework definition", ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("Input.File", tooLarge);
            return Page();
        }
        var parsed = FrameworkDefinition.Parse(text);
        if (parsed.Kind != OutcomeKind.Ok)
        {
            ModelState.AddOutcomeErrors(parsed.Errors);
            return Page();
        }
        var outcome = await save.ImportAsync(parsed.Value!, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // Problems inside the file ("areas[2].scale") are listed against the definition as a whole.
            foreach (var message in outcome.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("Input.Definition", message);
            }
            return Page();
        }
        return this.Reply(outcome, saved => this.Done(saved.Message, $"/frameworks/{saved.Framework.Id}"));
    }

    private async Task DescribeAsync(CancellationToken ct)
    {
        Frameworks = await catalogue.ListAsync(ct);
        CanManage = await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct);
        Library = FrameworkLibrary.All.ToList();
    }
}
