using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Practice;

/// <summary>Tag a practice-library entry with EEF Toolkit strands.</summary>
public sealed class TagsModel(ReadPracticeLibrary library, TagPracticeEntry tag) : PageModel
{
    [BindProperty]
    public TagsInput Input { get; set; } = new();

    public PracticeEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string source, int entryId, CancellationToken ct)
    {
        if (await library.FindAsync(source, entryId, ct) is not { } entry || (await library.SearchAsync(new PracticeQuery(), ct)).Kind != OutcomeKind.Ok)
        {
            return NotFound();
        }
        if (!await tag.MayTagAsync(entry, ct))
        {
            return Forbid();
        }
        Entry = entry;
        Input = new TagsInput { Strands = entry.Strands.Select(s => s.Slug).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string source, int entryId, CancellationToken ct)
    {
        Entry = await library.FindAsync(source, entryId, ct);
        return this.Reply(await tag.HandleAsync(source, entryId, Input, ct),
            e => this.Done(e.Strands.Count == 0 ? $"“{e.Title}” has no strands now." : $"“{e.Title}” is tagged {string.Join(", ", e.Strands.Select(s => s.Name))}.", $"/practice#found"));
    }
}
