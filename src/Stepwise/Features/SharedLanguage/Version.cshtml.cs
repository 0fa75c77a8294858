using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.SharedLanguage;

/// <summary>One version of the shared language; for a draft, its editor: add an item, change or remove one, publish.</summary>
public sealed class VersionModel(ReadLanguage read, WriteLanguage write, AccessControl access) : PageModel
{
    public ReadLanguage.LanguageView View { get; private set; } = null!;
    public ReadLanguage.VersionSummary Summary { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public bool Editable => CanWrite && Summary.IsDraft && !Summary.Used;

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    [BindProperty]
    public string? Notes { get; set; }

    public static IEnumerable<SelectListItem> Kinds =>
    [
        new("Look-for", nameof(LanguageItemKind.LookFor)), new("Coaching step", nameof(LanguageItemKind.Step)), new("Glossary term", nameof(LanguageItemKind.Term)),
    ];

    public static IEnumerable<SelectListItem> Strands => new[] { new SelectListItem("None", "") }.Concat(EefToolkit.Strands.Select(s => new SelectListItem(s, s)));

    public sealed record ItemInput
    {
        public LanguageItemKind Kind { get; init; } = LanguageItemKind.LookFor;
        public string? Key { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        public string? Category { get; init; }
        public string? EefStrand { get; init; }

        public ItemDefinition Definition => new() { Key = Key, Name = Name, Description = Description, Category = Category, EefStrand = EefStrand };
    }

    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken ct) =>
        await LoadAsync(versionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int versionId, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct))
        {
            return NotFound();
        }
        var outcome = await write.AddItemAsync(versionId, Input.Kind, Input.Definition, ct);
        return this.Reply(outcome, item => this.Done($"\"{item.Name}\" is in version {Summary.Number}.", $"/language/versions/{versionId}"));
    }

    public async Task<IActionResult> OnPostPublishAsync(int versionId, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct))
        {
            return NotFound();
        }
        var outcome = await write.PublishAsync(versionId, Notes, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            foreach (var message in outcome.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(Notes), message);
            }
            return Page();
        }
        return this.Reply(outcome, saved => this.Done(saved.Message, "/language"));
    }

    private async Task<bool> LoadAsync(int versionId, CancellationToken ct)
    {
        var view = await read.VersionAsync(versionId, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        Summary = (await read.VersionsAsync(ct)).First(v => v.Id == versionId);
        CanWrite = await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct);
        return true;
    }
}
