using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>
/// Stores one anonymous response. The one-time code (if the survey uses codes) is marked used in the same transaction
/// as the answers are written, so a code never counts without its answers nor answers twice; the transaction commits
/// before the respondent is told "thank you". Nothing about the respondent is kept beyond the coarse attributes asked.
/// On PostgreSQL the survey's used codes are then rewritten together, so a code's transaction id does not lead to the
/// response (<see cref="UsedCodesRewrite"/>).
/// </summary>
public sealed class SubmitResponse(AppDbContext db, TrustScope scope, SurveyWriteGate gate, TimeProvider clock, IMemoryCache cache, UsedCodesRewrite usedCodes,
    IDataProtectionProvider protection, SurveySubmissionLimit limit)
{
    /// <summary>
    /// A stored response (<paramref name="ResponseId"/> null when a code had already been used and the person is not
    /// the one who used it: they are answered as if it were unused, and nothing is stored), and the receipt to keep on
    /// the device that used a code (ADR 0072), so that only it is ever told the code has been used.
    /// </summary>
    public sealed record Submitted(long? ResponseId, string? Receipt);

    /// <summary>The cookie that holds a device's receipt for the last code it answered with, on the survey's own path.</summary>
    public static string ReceiptCookie(int surveyId) => $"sw-receipt-{surveyId}";

    private IDataProtector Receipts => protection.CreateProtector("Stepwise.Surveys.CodeReceipt");

    /// <summary>True when <paramref name="receipt"/> was given to the device that answered with the code of this hash.</summary>
    private bool Holds(string? receipt, string hash)
    {
        if (string.IsNullOrEmpty(receipt))
        {
            return false;
        }
        try
        {
            return Receipts.Unprotect(receipt) == hash;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// How long a survey read by its link is reused. Opening or closing a survey evicts it at once (in this process), so
    /// the cache only spares hundreds of respondents the same two queries.
    /// </summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(30);

    public static string CacheKey(string token) => "survey-link:" + token;

    public const int MaxText = 2000;

    /// <summary>A survey found by its public link, with its questions, ready to answer.</summary>
    public sealed record OpenSurvey(Survey Survey, string? SchoolName, List<(int Urn, string Name)> Schools, bool Accepting, string? ClosedReason);

    /// <summary>Finds the survey behind a public link and acts for its trust from then on; null for an unknown link.</summary>
    public async Task<OpenSurvey?> FindAsync(string token, CancellationToken ct)
    {
        if (!cache.TryGetValue(CacheKey(token), out (Survey Survey, string? SchoolName, bool SchoolArchived, List<(int, string)> Schools)? found))
        {
            found = await LoadAsync(token, ct);
            cache.Set(CacheKey(token), found, Reuse);
        }
        if (found is not { } hit)
        {
            return null;
        }
        var survey = hit.Survey;
        scope.ActAsSystemInTrust(survey.TrustId, "survey respondent");
        var today = clock.Today();
        string? reason = survey.Status switch
        {
            SurveyStatus.Draft => "This survey has not opened yet.",
            SurveyStatus.Closed => "This survey has closed. Thank you for your interest.",
            _ when today < survey.OpensOn => $"This survey opens on {survey.OpensOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.",
            _ when today > survey.ClosesOn => "This survey has closed. Thank you for your interest.",
            _ when hit.SchoolArchived => $"{hit.SchoolName} has been archived, so this survey no longer takes answers.",
            _ => null,
        };
        return new OpenSurvey(survey, hit.SchoolName, hit.Schools, reason is null, reason);
    }

    private async Task<(Survey, string?, bool, List<(int, string)>)?> LoadAsync(string token, CancellationToken ct)
    {
        var survey = await db.Surveys.IgnoreQueryFilters().AsNoTracking()
            .Include(s => s.Questions.OrderBy(q => q.Position))
            .FirstOrDefaultAsync(s => s.LinkToken == token, ct);
        if (survey is null)
        {
            return null;
        }
        string? schoolName = null;
        var archived = false;
        var schools = new List<(int, string)>();
        if (survey.SchoolId is int id)
        {
            var school = await db.Schools.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => new { s.Name, s.ArchivedAt }).FirstAsync(ct);
            (schoolName, archived) = (school.Name, school.ArchivedAt is not null);
        }
        else if (survey.Distribution == Distribution.OpenLink)
        {
            schools = (await db.Schools.IgnoreQueryFilters().Where(s => s.TrustId == survey.TrustId && s.ArchivedAt == null).OrderBy(s => s.Name)
                    .Select(s => new { s.Urn, s.Name }).ToListAsync(ct))
                .Select(s => (s.Urn, s.Name)).ToList();
        }
        return (survey, schoolName, archived, schools);
    }

    /// <summary>
    /// Checks a code before showing the questions (the final check is when the answers are saved). A used code is
    /// answered exactly as an unused one, except on the device holding the receipt of its use: whoever holds a printed
    /// sheet must not learn from this page whether, or when, a pupil answered (ADR 0072).
    /// </summary>
    public async Task<string?> CodeProblemAsync(Survey survey, string? typed, string? receipt, CancellationToken ct)
    {
        var normalised = OneTimeCodes.Normalise(typed);
        if (normalised is null)
        {
            return string.IsNullOrWhiteSpace(typed)
                ? "Enter the code from your slip."
                : $"A code has {OneTimeCodes.Length} letters and numbers, like ABCDE-23456. Check it against your slip.";
        }
        var hash = OneTimeCodes.Hash(survey.Id, normalised);
        var code = await db.SurveyCodes.AsNoTracking().Where(c => c.SurveyId == survey.Id && c.Hash == hash).Select(c => new { c.Used }).FirstOrDefaultAsync(ct);
        return code switch
        {
            null => "We do not recognise that code for this survey. Check it against your slip, or ask for a new one.",
            { Used: true } when Holds(receipt, hash) => UsedMessage,
            _ => null,
        };
    }

    public const string UsedMessage = "That code has already been used on this device: each code works once. If you have not answered yet, ask for a new code.";

    /// <summary>
    /// Validates and stores the answers posted from the response page (fields a{questionId}, yearGroup, staffRole,
    /// school, code). Only a valid submission counts against the sender's limit (<see cref="SurveySubmissionLimit"/>);
    /// over it, nothing is stored and the person is told, with their answers kept on the form.
    /// </summary>
    public async Task<Outcome<Submitted>> HandleAsync(OpenSurvey open, IFormCollection form, string sender, string? receipt, CancellationToken ct)
    {
        var survey = open.Survey;
        var problems = new Problems();
        if (!open.Accepting)
        {
            return Outcome<Submitted>.Invalid(problems.Add("", open.ClosedReason!));
        }

        string? hash = null;
        if (survey.Distribution == Distribution.OneTimeCodes)
        {
            var normalised = OneTimeCodes.Normalise(form["code"]);
            if (normalised is null)
            {
                return Outcome<Submitted>.Invalid(problems.Add("code", "Enter the code from your slip."));
            }
            hash = OneTimeCodes.Hash(survey.Id, normalised);
        }

        var response = new SurveyResponse
        {
            TrustId = survey.TrustId,
            SurveyId = survey.Id,
            SchoolId = survey.SchoolId,
            SubmittedOn = clock.Today(),
        };
        if (survey.AskYearGroup && !string.IsNullOrEmpty(form["yearGroup"]))
        {
            if (int.TryParse(form["yearGroup"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is >= 0 and <= 13)
            {
                response.YearGroup = year;
            }
            else
            {
                problems.Add("yearGroup", "Choose a year group from the list.");
            }
        }
        if (survey.AskStaffRole && !string.IsNullOrEmpty(form["staffRole"]))
        {
            if (Codes.TryParse<StaffRole>(form["staffRole"], out var role))
            {
                response.StaffRole = role;
            }
            else
            {
                problems.Add("staffRole", "Choose your role from the list.");
            }
        }
        if (survey.SchoolId is null && survey.Distribution == Distribution.OpenLink)
        {
            var urn = int.TryParse(form["school"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : 0;
            var school = urn == 0 ? null : await db.Schools.Where(s => s.Urn == urn).Select(s => new { s.Id, s.Name, s.ArchivedAt }).FirstOrDefaultAsync(ct);
            if (school is null)
            {
                problems.Add("school", "Choose your school.");
            }
            else if (school.ArchivedAt is not null)
            {
                problems.Add("school", $"{school.Name} has been archived, so this survey no longer takes answers for it. Choose your school from the list.");
            }
            response.SchoolId = school?.Id;
        }
        else if (survey.SchoolId is int surveyed && await ArchivedNameAsync(surveyed, ct) is { } archived)
        {
            problems.Add("", $"{archived} has been archived, so this survey no longer takes answers.");
        }
        else if (hash is not null && survey.SchoolId is null
                 && await db.SurveyCodes.Where(c => c.SurveyId == survey.Id && c.Hash == hash).Select(c => c.SchoolId).FirstOrDefaultAsync(ct) is int sheetSchool
                 && await ArchivedNameAsync(sheetSchool, ct) is { } sheetArchived)
        {
            // The code stays unused: the refusal is not the pupil's doing.
            problems.Add("code", $"This code is for {sheetArchived}, which has been archived, so this survey no longer takes answers for it.");
        }

        foreach (var question in survey.Questions)
        {
            var answer = ReadAnswer(question, form[$"a{question.Id}"], problems);
            if (answer is not null)
            {
                answer.TrustId = survey.TrustId;
                response.Answers.Add(answer);
            }
        }
        if (!problems.Any && response.Answers.Count == 0)
        {
            problems.Add("", "Answer at least one question before sending.");
        }
        if (problems.Any)
        {
            return Outcome<Submitted>.Invalid(problems);
        }
        if (!limit.TryTake(sender))
        {
            return Outcome<Submitted>.Invalid(problems.Add("", SurveySubmissionLimit.Message));
        }

        var stored = true;
        using (await gate.EnterAsync(db, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (hash is not null)
            {
                // Mark the code used only if it was unused: of two people racing with one code, exactly one wins.
                var claimed = await db.SurveyCodes.Where(c => c.SurveyId == survey.Id && c.Hash == hash && !c.Used)
                    .ExecuteUpdateAsync(c => c.SetProperty(x => x.Used, true), ct);
                if (claimed == 0)
                {
                    var known = await db.SurveyCodes.AnyAsync(c => c.SurveyId == survey.Id && c.Hash == hash, ct);
                    if (!known)
                    {
                        return Outcome<Submitted>.Invalid(problems.Add("code", "We do not recognise that code for this survey. Check it against your slip."));
                    }
                    if (Holds(receipt, hash))
                    {
                        return Outcome<Submitted>.Invalid(problems.Add("code", UsedMessage));
                    }
                    // Used, by someone else: answered as if it were unused (the thank-you page says a code counts once).
                    stored = false;
                }
                else if (response.SchoolId is null)
                {
                    response.SchoolId = await db.SurveyCodes.Where(c => c.SurveyId == survey.Id && c.Hash == hash).Select(c => c.SchoolId).FirstAsync(ct);
                }
            }
            if (stored)
            {
                db.SurveyResponses.Add(response);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        if (hash is not null && !db.Database.IsSqlite())
        {
            // Before "thank you": the code's transaction id must not stay next to the response's (ADR 0060). A used
            // code waits for the same rewrite, so the two take alike long to answer.
            await usedCodes.AfterUseAsync(survey.TrustId, survey.Id);
        }
        return Outcome<Submitted>.Ok(new Submitted(stored ? response.Id : null, hash is null ? null : Receipts.Protect(hash)));
    }

    /// <summary>The school's name if it has been archived (it takes no more answers); null if it is open.</summary>
    private Task<string?> ArchivedNameAsync(int schoolId, CancellationToken ct) =>
        db.Schools.Where(s => s.Id == schoolId && s.ArchivedAt != null).Select(s => s.Name).FirstOrDefaultAsync(ct);

    private static SurveyAnswer? ReadAnswer(SurveyQuestion question, StringValues values, Problems problems)
    {
        var field = $"a{question.Id}";
        var value = values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (value is null)
        {
            return null; // every question may be skipped
        }
        switch (question.Kind)
        {
            case QuestionKind.Agreement:
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var point) && (point is >= 1 and <= 5 || (point == 0 && question.AllowDontKnow)))
                {
                    return new SurveyAnswer { QuestionId = question.Id, Choice = point };
                }
                problems.Add(field, $"Choose one of the answers to \"{question.Text}\".");
                return null;
            case QuestionKind.SingleChoice:
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var option) && option >= 1 && option <= question.OptionList.Count)
                {
                    return new SurveyAnswer { QuestionId = question.Id, Choice = option };
                }
                problems.Add(field, $"Choose one of the answers to \"{question.Text}\".");
                return null;
            case QuestionKind.MultipleChoice:
                var ticked = new SortedSet<int>();
                foreach (var v in values)
                {
                    if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) || o < 1 || o > question.OptionList.Count)
                    {
                        problems.Add(field, $"Tick answers from the list for \"{question.Text}\".");
                        return null;
                    }
                    ticked.Add(o);
                }
                return new SurveyAnswer { QuestionId = question.Id, Choices = string.Join(',', ticked) };
            case QuestionKind.Number:
                if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) < 1_000_000_000m)
                {
                    return new SurveyAnswer { QuestionId = question.Id, Number = number };
                }
                problems.Add(field, $"Enter a number for \"{question.Text}\", like 3 or 4.5.");
                return null;
            default:
                if (value.Length > MaxText)
                {
                    problems.Add(field, $"Your answer to \"{question.Text}\" is {value.Length:N0} characters: please keep it to {MaxText:N0}.");
                    return null;
                }
                return new SurveyAnswer { QuestionId = question.Id, Text = value };
        }
    }
}
