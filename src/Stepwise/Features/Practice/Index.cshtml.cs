using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Practice;

/// <summary>The practice library: search what worked in the trust's schools and find the school to ask.</summary>
public sealed class LibraryModel(ReadPracticeLibrary read) : PageModel
{
    public PracticeLibrary? Library { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? words, string? area, string? metric, string? strand, int? school, string? kind, string? format, CancellationToken ct)
    {
        var outcome = await read.SearchAsync(new PracticeQuery(words, area, metric, strand, school, kind), ct);
        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
            var empty = await read.SearchAsync(new PracticeQuery(), ct);
            Library = empty.Value! with { Entries = [] };
            return Page();
        }
        Library = outcome.Value!;
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? File(PracticeFeature.Csv(Library.Entries), "text/csv; charset=utf-8", "practice-library.csv")
            : Page();
    }

    public static string KindName(string kind) => kind switch
    {
        "change-idea" => "Change idea adopted",
        "area-of-excellence" => "Area of excellence",
        "support-episode" => "Support with impact",
        _ => "Shared resource",
    };

    /// <summary>The same search as CSV: the query string with format=csv.</summary>
    public string CsvHref => QueryHelpersCsv(Request.QueryString.Value);

    private static string QueryHelpersCsv(string? query) =>
        string.IsNullOrEmpty(query) ? "/practice?format=csv" : $"/practice{query}&format=csv";
}
