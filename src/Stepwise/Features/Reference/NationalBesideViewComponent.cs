using Microsoft.AspNetCore.Mvc;

namespace Stepwise.Features.Reference;

/// <summary>
/// The school page's national section: <c>@await Component.InvokeAsync("NationalBeside", new { urn })</c> renders
/// <c>_NationalBeside.cshtml</c> from <see cref="ReadNationalFigures.BesideAsync"/> (public national data).
/// </summary>
public sealed class NationalBesideViewComponent(ReadNationalFigures read) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int urn) =>
        View("/Features/Reference/_NationalBeside.cshtml", await read.BesideAsync(urn, HttpContext.RequestAborted));
}
