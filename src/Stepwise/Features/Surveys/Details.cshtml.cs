using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Surveys;

public sealed class DetailsModel(ReadSurveys read, BuildSurvey build, ChangeSurveyStatus status) : PageModel
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
        if (await read.FindAsync(surveyId, ct) is not var (survey, view))
        {
            return false;
        }
        (Survey, Where, CanManage, Responses, CodesIssued, CodesUsed, PreviousTitle) =
            (survey, view.Where, view.CanManage, view.Responses, view.CodesIssued, view.CodesUsed, view.PreviousTitle);
        return true;
    }
}
