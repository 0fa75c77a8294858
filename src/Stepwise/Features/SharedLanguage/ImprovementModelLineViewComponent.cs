using Microsoft.AspNetCore.Mvc;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// The school page's line about its improvement model: <c>@await Component.InvokeAsync("ImprovementModelLine", new { urn })</c>
/// renders <c>_ImprovementModelLine.cshtml</c> from <see cref="ReadImprovementModel"/>: the version and review date with a
/// link, or (with none written) a link to write it for those who may.
/// </summary>
public sealed class ImprovementModelLineViewComponent(ReadImprovementModel read) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int urn) =>
        await read.HandleAsync(urn, null, HttpContext.RequestAborted) is { } view
            ? View("/Features/SharedLanguage/_ImprovementModelLine.cshtml", view)
            : Content("");
}
