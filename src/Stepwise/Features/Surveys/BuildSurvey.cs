using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>What a person fills in to start a survey; the bank items ticked become its first questions.</summary>
public sealed class SurveyInput
{
    public string? Title { get; set; }
    public string? Audience { get; set; }

    /// <summary>A school's URN, or "trust" for a trust-wide survey.</summary>
    public string? School { get; set; }

    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public string? Distribution { get; set; }
    public bool AskYearGroup { get; set; }
    public bool AskStaffRole { get; set; }
    public string? Introduction { get; set; }
    public List<string> BankCodes { get; set; } = [];
}

/// <summary>A custom question added to a draft.</summary>
public sealed class QuestionInput
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Scale { get; set; }
    public string? Options { get; set; }
    public bool ReverseScored { get; set; }
    public bool AllowDontKnow { get; set; } = true;
}

/// <summary>Creates a survey from the bank, adds and removes questions while it is a draft, and runs it again.</summary>
public sealed class BuildSurvey(AppDbContext db, SurveyAccess surveys, TimeProvider clock)
{
    public async Task<Outcome<Survey>> CreateAsync(SurveyInput input, CancellationToken ct)
    {
        var problems = new Problems();
        problems.Require("title", input.Title, "title", 200).Optional("introduction", input.Introduction, "introduction", 2000);
        var audienceKnown = Codes.TryParse<Audience>(input.Audience, out var audience);
        if (!audienceKnown)
        {
            problems.Add("audience", "Choose who the survey is for: staff, pupils or parents.");
        }
        if (!Codes.TryParse<Distribution>(input.Distribution, out var distribution))
        {
            problems.Add("distribution", "Choose how people reach the survey: an open link or one-time codes.");
        }
        if (input.OpensOn is null)
        {
            problems.Add("opensOn", "Enter the date the survey opens.");
        }
        if (input.ClosesOn is null)
        {
            problems.Add("closesOn", "Enter the date the survey closes.");
        }
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
        {
            problems.Add("closesOn", "The closing date must be on or after the opening date.");
        }

        int? schoolId = null;
        if (string.Equals(input.School?.Trim(), "trust", StringComparison.OrdinalIgnoreCase))
        {
            if (!await surveys.CanManageAsync(null, ct))
            {
                problems.Add("school", "Only trust leaders can run a trust-wide survey: choose one of your schools.");
            }
        }
        else if (int.TryParse(input.School, out var urn) && await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn && s.ArchivedAt == null, ct) is { } school
                 && await surveys.CanManageAsync(school.Id, ct))
        {
            schoolId = school.Id;
        }
        else
        {
            problems.Add("school", "Choose the school to survey (one where you can run surveys).");
        }

        var items = input.BankCodes.Distinct().Select(QuestionBank.Find).ToList();
        if (items.Any(i => i is null || (audienceKnown && i.Audience != audience)))
        {
            problems.Add("bankCodes", "Choose questions from the bank for this audience.");
        }
        if (problems.Any)
        {
            return Outcome<Survey>.Invalid(problems);
        }

        var survey = new Survey
        {
            Title = input.Title!.Trim(),
            Introduction = Text.Clean(input.Introduction),
            Audience = audience,
            SchoolId = schoolId,
            OpensOn = input.OpensOn!.Value,
            ClosesOn = input.ClosesOn!.Value,
            Distribution = distribution,
            AskYearGroup = input.AskYearGroup,
            AskStaffRole = input.AskStaffRole && audience == Audience.Staff,
            LinkToken = OneTimeCodes.NewLinkToken(),
            CreatedAt = clock.UtcNow(),
        };
        // Bank order keeps each scale's items together, which is also how respondents see them.
        var position = 0;
        foreach (var item in QuestionBank.Items.Where(i => items.Contains(i)))
        {
            survey.Questions.Add(new SurveyQuestion
            {
                Position = ++position, Kind = QuestionKind.Agreement, Text = item.Text, BankCode = item.Code, Scale = item.Scale,
                ReverseScored = item.Reverse, AllowDontKnow = true,
            });
        }
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Ok(survey);
    }

    public async Task<Outcome<SurveyQuestion>> AddQuestionAsync(int surveyId, QuestionInput input, CancellationToken ct)
    {
        var survey = await surveys.FindToManageAsync(surveyId, ct);
        if (survey is null)
        {
            return Outcome<SurveyQuestion>.NotFound();
        }
        var problems = new Problems();
        if (survey.Status != SurveyStatus.Draft)
        {
            problems.Add("text", "Questions can only be changed while the survey is a draft: nobody has answered it yet.");
        }
        problems.Require("text", input.Text, "question", 500).Optional("scale", input.Scale, "scale name", 80);
        if (!Codes.TryParse<QuestionKind>(input.Kind, out var kind))
        {
            problems.Add("kind", "Choose the kind of question.");
        }
        var options = (input.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            if (options.Count < 2)
            {
                problems.Add("options", "Enter at least two choices, one per line.");
            }
            else if (options.Count > 20 || options.Any(o => o.Length > 100))
            {
                problems.Add("options", "Enter at most 20 choices of up to 100 characters each.");
            }
        }
        if (problems.Any)
        {
            return Outcome<SurveyQuestion>.Invalid(problems);
        }
        var question = new SurveyQuestion
        {
            SurveyId = survey.Id,
            Position = survey.Questions.Count == 0 ? 1 : survey.Questions.Max(q => q.Position) + 1,
            Kind = kind,
            Text = input.Text!.Trim(),
            Scale = kind == QuestionKind.Agreement ? Text.Clean(input.Scale) : null,
            ReverseScored = kind == QuestionKind.Agreement && input.ReverseScored,
            AllowDontKnow = kind == QuestionKind.Agreement && input.AllowDontKnow,
            Options = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? string.Join('\n', options) : null,
        };
        db.SurveyQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        return Outcome<SurveyQuestion>.Ok(question);
    }

    public async Task<Outcome<Survey>> RemoveQuestionAsync(int surveyId, int questionId, CancellationToken ct)
    {
        var survey = await surveys.FindToManageAsync(surveyId, ct);
        var question = survey?.Questions.FirstOrDefault(q => q.Id == questionId);
        if (survey is null || question is null)
        {
            return Outcome<Survey>.NotFound();
        }
        if (survey.Status != SurveyStatus.Draft)
        {
            return Outcome<Survey>.Invalid(new Problems().Add("", "Questions can only be removed while the survey is a draft."));
        }
        db.SurveyQuestions.Remove(question);
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Ok(survey);
    }

    /// <summary>A new draft with the same questions, linked to this run so results show the change.</summary>
    public async Task<Outcome<Survey>> RunAgainAsync(int surveyId, CancellationToken ct)
    {
        var previous = await surveys.FindToManageAsync(surveyId, ct);
        if (previous is null)
        {
            return Outcome<Survey>.NotFound();
        }
        var today = clock.Today();
        var next = new Survey
        {
            Title = previous.Title,
            Introduction = previous.Introduction,
            Audience = previous.Audience,
            SchoolId = previous.SchoolId,
            OpensOn = today,
            ClosesOn = today.AddDays(14),
            Distribution = previous.Distribution,
            AskYearGroup = previous.AskYearGroup,
            AskStaffRole = previous.AskStaffRole,
            LinkToken = OneTimeCodes.NewLinkToken(),
            PreviousRunId = previous.Id,
            CreatedAt = clock.UtcNow(),
            Questions = previous.Questions.Select(q => new SurveyQuestion
            {
                Position = q.Position, Kind = q.Kind, Text = q.Text, BankCode = q.BankCode, Scale = q.Scale,
                ReverseScored = q.ReverseScored, Options = q.Options, AllowDontKnow = q.AllowDontKnow,
            }).ToList(),
        };
        db.Surveys.Add(next);
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Ok(next);
    }
}

/// <summary>Opens a draft (or reopens a closed survey) and closes an open one.</summary>
public sealed class ChangeSurveyStatus(AppDbContext db, SurveyAccess surveys, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, UsedCodesRewrite usedCodes)
{
    public async Task<Outcome<Survey>> OpenAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindToManageAsync(surveyId, ct);
        if (survey is null)
        {
            return Outcome<Survey>.NotFound();
        }
        var today = clock.Today();
        var problems = new Problems();
        if (survey.Questions.Count == 0)
        {
            problems.Add("", "Add at least one question before opening the survey.");
        }
        if (survey.ClosesOn < today)
        {
            problems.Add("", $"The closing date ({survey.ClosesOn:d MMMM yyyy}) has passed: run the survey again for new dates.");
        }
        if (survey.Status == SurveyStatus.Open)
        {
            problems.Add("", "The survey is already open.");
        }
        else if (survey.Status == SurveyStatus.Closed)
        {
            // Once closed, the figures count every response; reopened, they would go back to whole batches, and
            // comparing the two readings could single out the answers in between.
            problems.Add("", "A closed survey cannot be opened again: its results have been shown in full, and new answers could be picked out against them. Use \"Run again\" for a new round.");
        }
        if (problems.Any)
        {
            return Outcome<Survey>.Invalid(problems);
        }
        survey.Status = SurveyStatus.Open;
        await db.SaveChangesAsync(ct);
        cache.Remove(SubmitResponse.CacheKey(survey.LinkToken));
        return Outcome<Survey>.Ok(survey);
    }

    public async Task<Outcome<Survey>> CloseAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindToManageAsync(surveyId, ct);
        if (survey is null)
        {
            return Outcome<Survey>.NotFound();
        }
        if (survey.Status != SurveyStatus.Open)
        {
            return Outcome<Survey>.Invalid(new Problems().Add("", "Only an open survey can be closed."));
        }
        survey.Status = SurveyStatus.Closed;
        await db.SaveChangesAsync(ct);
        cache.Remove(SubmitResponse.CacheKey(survey.LinkToken));
        // A last sweep, in case a rewrite after some answer failed or the app stopped before it ran (ADR 0060).
        await usedCodes.RewriteAsync(survey.TrustId, survey.Id, ct);
        return Outcome<Survey>.Ok(survey);
    }
}
