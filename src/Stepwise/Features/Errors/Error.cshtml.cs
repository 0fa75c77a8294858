using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string TraceId { get; private set; } = "";

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    /// <summary>True when the page was opened at its own address, with no error to show.</summary>
    public bool NothingWrong { get; private set; }

    private void Show(int? status)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Status = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : failed ? 500 : 200);
        NothingWrong = Status < 400;
        Response.StatusCode = Status;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
