using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.SharedLanguage;

/// <summary>The trust's shared language: the current version by kind and category, the versions, and (for its writers) adopting the starter, writing the next version and importing a file.</summary>
public sealed class IndexModel(ReadLanguage read, WriteLanguage write, AccessControl access) : PageModel
{
    public ReadLanguage.LanguageView? Current { get; private set; }
    public List<ReadLanguage.VersionSummary> Versions { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public ReadLanguage.VersionSummary? Draft => Versions.FirstOrDefault(v => v.IsDraft);

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public sealed record ImportInput
    {
        public string? Definition { get; init; }
        public IFormFile? File { get; init; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await DescribeAsync(ct);

    public async Task<IActionResult> OnPostStarterAsync(CancellationToken ct)
    {
        var outcome = await write.AdoptStarterAsync(ct);
        await DescribeAsync(ct);
        return this.Reply(outcome, saved => this.Done(saved.Message, "/language"));
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var outcome = await write.StartDraftAsync(ct);
        await DescribeAsync(ct);
        return this.Reply(outcome, saved => this.Done(saved.Message, $"/language/versions/{saved.VersionId}"));
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await DescribeAsync(ct);
        if (!CanWrite)
        {
            return Forbid();
        }
        var (text, tooLarge) = await UploadedText.ReadAsync(Input.File, Input.Definition, "a shared language", ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("Input.File", tooLarge);
            return Page();
        }
        var parsed = LanguageDefinition.Parse(text);
        var outcome = parsed.Kind == OutcomeKind.Ok ? await write.ImportAsync(parsed.Value!, publish: false, ct) : null;
        var errors = outcome?.Errors ?? parsed.Errors;
        if (errors.Count > 0)
        {
            // Problems inside the file ("lookFors[2].eefStrand") are listed against the file as a whole, each naming its item.
            foreach (var message in errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("Input.Definition", message);
            }
            return Page();
        }
        return this.Reply(outcome!, saved => this.Done(saved.Message, $"/language/versions/{saved.VersionId}"));
    }

    private async Task DescribeAsync(CancellationToken ct)
    {
        Current = await read.CurrentAsync(ct);
        Versions = await read.VersionsAsync(ct);
        CanWrite = await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct);
    }
}
