using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>
/// Makes a sheet of one-time codes for a class. The codes are shown this once (to print) and stored only as hashes;
/// a lost sheet is replaced by printing another.
/// </summary>
public sealed class IssueCodes(AppDbContext db, SurveyAccess surveys)
{
    public const int MaxPerSheet = 60;

    public sealed record Sheet(Survey Survey, string Group, string SchoolName, IReadOnlyList<string> Codes);

    public async Task<Outcome<Sheet>> HandleAsync(int surveyId, string? group, int? count, string? schoolUrn, CancellationToken ct)
    {
        var survey = await surveys.FindToManageAsync(surveyId, ct);
        if (survey is null)
        {
            return Outcome<Sheet>.NotFound();
        }
        var problems = new Problems();
        problems.Require("group", group, "class or group name", 40);
        if (count is null or < 1 or > MaxPerSheet)
        {
            problems.Add("count", $"Enter how many codes to print: 1 to {MaxPerSheet}.");
        }
        if (survey.Distribution != Distribution.OneTimeCodes)
        {
            problems.Add("", "This survey uses an open link, not codes.");
        }
        if (survey.Status == SurveyStatus.Closed)
        {
            problems.Add("", "The survey is closed: codes would not work.");
        }

        var schoolId = survey.SchoolId;
        if (survey.SchoolId is null)
        {
            var school = int.TryParse(schoolUrn, out var urn) ? await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn, ct) : null;
            if (school is null)
            {
                problems.Add("school", "Choose the school whose class the sheet is for.");
            }
            else if (school.IsArchived)
            {
                problems.Add("school", $"{school.Name} has been archived: its classes cannot answer any more. Choose a school from the list.");
            }
            schoolId = school?.Id;
        }
        else if (await db.Schools.Where(s => s.Id == survey.SchoolId && s.ArchivedAt != null).Select(s => s.Name).FirstOrDefaultAsync(ct) is { } archived)
        {
            problems.Add("", $"{archived} has been archived: its classes cannot answer any more.");
        }
        if (problems.Any)
        {
            return Outcome<Sheet>.Invalid(problems);
        }

        var schoolName = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).FirstAsync(ct);
        var codes = new List<string>();
        var hashes = new HashSet<string>();
        while (codes.Count < count)
        {
            var code = OneTimeCodes.Generate();
            var hash = OneTimeCodes.Hash(survey.Id, OneTimeCodes.Normalise(code)!);
            if (hashes.Add(hash) && !await db.SurveyCodes.AnyAsync(c => c.SurveyId == survey.Id && c.Hash == hash, ct))
            {
                codes.Add(code);
                db.SurveyCodes.Add(new SurveyCode { SurveyId = survey.Id, SchoolId = schoolId, Group = group!.Trim(), Hash = hash });
            }
        }
        // Who printed which sheet, and how many codes: never the codes (ADR 0072).
        db.Audit(survey.TrustId, "Printed codes", "SurveyCodeSheet", $"{survey.Id}",
            $"{count} one-time codes for {group!.Trim()} at {schoolName}, survey “{survey.Title}”");
        await db.SaveChangesAsync(ct);
        return Outcome<Sheet>.Ok(new Sheet(survey, group!.Trim(), schoolName, codes));
    }
}
