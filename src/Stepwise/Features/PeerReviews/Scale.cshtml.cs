using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.PeerReviews;

/// <summary>The trust's review scale: its versions, and the form that writes the next one (or changes the current one while no review uses it).</summary>
public sealed class ScaleModel(ReviewScales scales) : PageModel
{
    public const int Rows = 6;

    public ScaleBook Book { get; private set; } = null!;

    [BindProperty]
    public ScaleInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Book = await scales.BookAsync(ct);
        if (!Book.CanWrite)
        {
            return Forbid();
        }
        var points = Book.Current?.Points ?? Book.Starter;
        Input = new ScaleInput
        {
            Name = Book.Current?.Name ?? StarterScale.Name,
            Points = points.Select(p => new ScalePointInput { Name = p.Name, Description = p.Description })
                .Concat(Enumerable.Range(0, Math.Max(0, Rows - points.Count)).Select(_ => new ScalePointInput())).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Book = await scales.BookAsync(ct);
        var outcome = await scales.WriteAsync(Input, ct);
        var points = Input.Points ?? [];
        while (points.Count < Rows)
        {
            points.Add(new ScalePointInput());
        }
        Input = Input with { Points = points };
        return this.Reply(outcome, s => this.Done($"The review scale is saved as version {s.Number}.", "/peer-reviews/scale"));
    }
}
