using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.SharedLanguage;

/// <summary>Changes or removes one item of a draft; a published version's item is shown with why it cannot change.</summary>
public sealed class ItemModel(WriteLanguage write, ReadLanguage read) : PageModel
{
    public LanguageItem Item { get; private set; } = null!;
    public ReadLanguage.VersionSummary Version { get; private set; } = null!;

    [BindProperty]
    public ItemDefinition Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(itemId, ct))
        {
            return NotFound();
        }
        Input = ItemDefinition.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(itemId, ct))
        {
            return NotFound();
        }
        return this.Reply(await write.ChangeItemAsync(itemId, Input, ct),
            item => this.Done($"\"{item.Name}\" has been changed.", $"/language/versions/{Version.Id}"));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(itemId, ct))
        {
            return NotFound();
        }
        return this.Reply(await write.RemoveItemAsync(itemId, ct), saved => this.Done(saved.Message, $"/language/versions/{Version.Id}"));
    }

    private async Task<bool> LoadAsync(int itemId, CancellationToken ct)
    {
        if (await read.ItemAsync(itemId, ct) is not { } item)
        {
            return false;
        }
        Item = item;
        Version = (await read.VersionsAsync(ct)).First(v => v.Id == item.LanguageVersionId);
        return true;
    }
}
