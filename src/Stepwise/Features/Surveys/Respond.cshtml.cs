using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Surveys;

/// <summary>The public response page: no sign-in, one form, works without JavaScript.</summary>
[AllowAnonymous]
public sealed class RespondModel(SubmitResponse submit) : PageModel
{
    public enum Stage
    {
        Closed,
        EnterCode,
        Questions,
    }

    public SubmitResponse.OpenSurvey Open { get; private set; } = null!;
    public Stage Showing { get; private set; }
    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await FindAsync(token, ct))
        {
            return NotFound();
        }
        Showing = !Open.Accepting ? Stage.Closed : Open.Survey.Distribution == Distribution.OneTimeCodes ? Stage.EnterCode : Stage.Questions;
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(string token, string? code, CancellationToken ct)
    {
        if (!await FindAsync(token, ct))
        {
            return NotFound();
        }
        if (!Open.Accepting)
        {
            Showing = Stage.Closed;
            return Page();
        }
        var problem = await submit.CodeProblemAsync(Open.Survey, code, Request.Cookies[SubmitResponse.ReceiptCookie(Open.Survey.Id)], ct);
        if (problem is not null)
        {
            ModelState.AddModelError("code", problem);
            Showing = Stage.EnterCode;
            Code = code;
            return Page();
        }
        Code = OneTimeCodes.Normalise(code);
        Showing = Stage.Questions;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await FindAsync(token, ct))
        {
            return NotFound();
        }
        var sender = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await submit.HandleAsync(Open, Request.Form, sender, Request.Cookies[SubmitResponse.ReceiptCookie(Open.Survey.Id)], ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            if (outcome.Value!.Receipt is { } receipt)
            {
                // Only this device is ever told that its code has been used (ADR 0072).
                Response.Cookies.Append(SubmitResponse.ReceiptCookie(Open.Survey.Id), receipt, new CookieOptions
                {
                    Path = $"/s/{token}",
                    HttpOnly = true,
                    Secure = Request.IsHttps,
                    SameSite = SameSiteMode.Strict,
                    MaxAge = TimeSpan.FromDays(180),
                    IsEssential = true,
                });
            }
            // The answers are committed: only now is the respondent thanked.
            return Redirect($"/s/{token}/thanks");
        }
        if (outcome.Errors.TryGetValue("", out var general) && general.Contains(SurveySubmissionLimit.Message))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }
        Code = Request.Form["code"];
        Showing = !Open.Accepting ? Stage.Closed
            : outcome.Errors.ContainsKey("code") ? Stage.EnterCode
            : Stage.Questions;
        return Page();
    }

    private async Task<bool> FindAsync(string token, CancellationToken ct)
    {
        var open = await submit.FindAsync(token, ct);
        if (open is null)
        {
            return false;
        }
        Open = open;
        return true;
    }

    /// <summary>The value posted for a field, to keep answers when the page is shown again with a problem.</summary>
    public bool Posted(string field, string value) =>
        Request.HasFormContentType && Request.Form[field].Contains(value);

    public string? PostedText(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;
}
