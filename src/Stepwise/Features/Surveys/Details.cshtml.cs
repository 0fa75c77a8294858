using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

public sealed class DetailsModel(AppDbContext db, SurveyAccess surveys, BuildSurvey build, ChangeSurveyStatus status) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public Survey Survey { get; private set; } = null!;
    public string Where { get; private set; } = "";
    public bool CanManage { get; private set; }
    public int Responses { get; private set; }
    public int CodesIssued { get; private set; }
    public int CodesUsed { get; private set; }
    public string? PreviousTitle { get; private set; }

    public string PublicLink => $"{Request.Scheme}://{Request.Host}/s/{Survey.LinkToken}";

    public async Task<IActionResult> OnGetAsync(int surveyId, CancellationToken ct) =>
        await LoadAsync(surveyId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddQuestionAsync(int surveyId, CancellationToken ct)
    {
        var outcome = await build.AddQuestionAsync(surveyId, Input, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            if (!await LoadAsync(surveyId, ct))
            {
                return NotFound();
            }
            return this.Reply(outcome, _ => Page());
        }
        return this.Done("The question has been added.", $"/surveys/{surveyId}#questions");
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(int surveyId, int questionId, CancellationToken ct) =>
        await ReplyAsync(surveyId, await build.RemoveQuestionAsync(surveyId, questionId, ct), _ => this.Done("The question has been removed.", $"/surveys/{surveyId}#questions"), ct);

    public async Task<IActionResult> OnPostOpenAsync(int surveyId, CancellationToken ct) =>
        await ReplyAsync(surveyId, await status.OpenAsync(surveyId, ct), s => this.Done($"\"{s.Title}\" is open until {s.ClosesOn:d MMMM yyyy}.", $"/surveys/{surveyId}"), ct);

    public async Task<IActionResult> OnPostCloseAsync(int surveyId, CancellationToken ct) =>
        await ReplyAsync(surveyId, await status.CloseAsync(surveyId, ct), s => this.Done($"\"{s.Title}\" is closed: no more answers are accepted.", $"/surveys/{surveyId}"), ct);

    public async Task<IActionResult> OnPostRunAgainAsync(int surveyId, CancellationToken ct) =>
        await ReplyAsync(surveyId, await build.RunAgainAsync(surveyId, ct), s => this.Done("A new run of the survey is ready as a draft: check the dates, then open it.", $"/surveys/{s.Id}"), ct);

    private async Task<IActionResult> ReplyAsync(int surveyId, Outcome<Survey> outcome, Func<Survey, IActionResult> whenOk, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Invalid && !await LoadAsync(surveyId, ct))
        {
            return NotFound();
        }
        return this.Reply(outcome, whenOk);
    }

    private async Task<bool> LoadAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindToReadAsync(surveyId, ct);
        if (survey is null)
        {
            return false;
        }
        Survey = survey;
        CanManage = await surveys.CanManageAsync(survey.SchoolId, ct);
        Where = survey.SchoolId is int id ? await db.Schools.Where(s => s.Id == id).Select(s => s.Name).FirstAsync(ct) : "Every school in the trust";
        Responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct);
        CodesIssued = await db.SurveyCodes.CountAsync(c => c.SurveyId == surveyId, ct);
        CodesUsed = await db.SurveyCodes.CountAsync(c => c.SurveyId == surveyId && c.Used, ct);
        PreviousTitle = survey.PreviousRunId is int previous
            ? await db.Surveys.Where(s => s.Id == previous).Select(s => s.Title + " (" + s.OpensOn.Year + ")").FirstOrDefaultAsync(ct)
            : null;
        return true;
    }
}
