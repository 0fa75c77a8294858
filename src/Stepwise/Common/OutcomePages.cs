using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Common;

/// <summary>Turns a use case's <see cref="Outcome{T}"/> into a page's reply: the form again with its errors, 403 or 404.</summary>
public static class OutcomePages
{
    public static IActionResult Reply<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> whenOk)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return whenOk(outcome.Value!);
            case OutcomeKind.Invalid:
                page.ModelState.AddOutcomeErrors(outcome.Errors);
                return page.Page();
            case OutcomeKind.Forbidden:
                return page.Forbid();
            default:
                return page.NotFound();
        }
    }

    /// <summary>On success: a notice for the next page, and a redirect there.</summary>
    public static IActionResult Done(this PageModel page, string notice, string url)
    {
        page.TempData["Notice"] = notice;
        return new RedirectResult(url);
    }
}
