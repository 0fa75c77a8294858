using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Plans;

namespace Stepwise.Features.TrustReviews;

/// <summary>What a trust leader sends to arrange a review: the school (URN), the date, the reviewers' names, the focus, and the framework (key; default Ofsted's).</summary>
public sealed record ArrangeReviewInput
{
    public int? School { get; init; }
    public DateOnly? ReviewOn { get; init; }
    public string? Reviewers { get; init; }
    public string? Focus { get; init; }
    public string? Framework { get; init; }
}

/// <summary>A follow-up to put in the school's plan: an action under one of its priorities.</summary>
public sealed record FollowUpInput
{
    public int? PriorityId { get; init; }
    public string? Title { get; init; }
    public string? Owner { get; init; }
    public DateOnly? DueOn { get; init; }
}

/// <summary>One area's finding: the area's key, a grade (key or name) on its scale, what was found, and an optional follow-up.</summary>
public sealed record FindingInput
{
    public string? Area { get; init; }
    public string? Grade { get; init; }
    public string? Finding { get; init; }
    public FollowUpInput? FollowUp { get; init; }
}

/// <summary>What the reviewers send to complete a review: the summary and the findings per area.</summary>
public sealed record CompleteReviewInput
{
    public string? Summary { get; init; }
    public List<FindingInput>? Findings { get; init; }
}

public sealed record FollowUpView(int PlanActionId, int? FindingId, string Title, string Owner, DateOnly DueOn, string Status, int PriorityId);

public sealed record SchoolReviewView(int Id, int Urn, string SchoolName, DateOnly ReviewOn, string Status, string Reviewers, string? Focus, string? Summary,
    string FrameworkKey, string FrameworkName, int FrameworkVersion, List<FindingView> Findings, List<FollowUpView> FollowUps, string CreatedBy, DateTime? CompletedAt,
    bool CanComplete);

/// <summary>
/// Trust reviews of schools: arrange one (ReviewSchools), complete it with findings per framework area and follow-ups
/// that become actions in the school's plan (through Plans' <see cref="SaveAction"/>), and read them (ViewReviews for the
/// school). Completing stores everything or nothing.
/// </summary>
public sealed class SchoolReviews(AppDbContext db, AccessControl access, FrameworkCatalogue catalogue, SaveAction saveAction, ReadReviewCalendar calendar, TimeProvider clock)
{
    public async Task<SchoolReviewView?> OneAsync(int id, CancellationToken ct)
    {
        var review = await db.SchoolReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null || !await access.CanAsync(Permission.ViewReviews, review.SchoolId, ct))
        {
            return null;
        }
        var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == review.SchoolId, ct);
        var version = await db.FrameworkVersions.AsNoTracking().FirstAsync(v => v.Id == review.FrameworkVersionId, ct);
        var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == version.FrameworkId, ct);
        var findings = (await calendar.FindingsAsync([review.Id], ct)).GetValueOrDefault(review.Id) ?? [];
        var followUps = await (from f in db.ReviewFollowUps.AsNoTracking()
                               where f.SchoolReviewId == review.Id
                               join a in db.PlanActions on f.PlanActionId equals a.Id
                               orderby a.Id
                               select new FollowUpView(a.Id, f.ReviewFindingId, a.Title, a.Owner, a.DueOn, a.Status.ToString(), a.PriorityId)).ToListAsync(ct);
        return new SchoolReviewView(review.Id, school.Urn, school.Name, review.ReviewOn, Codes.Of(review.Status), review.Reviewers, review.Focus, review.Summary,
            framework.Key, framework.Name, version.Number, findings, followUps, review.CreatedBy, review.CompletedAt,
            review.Status == SchoolReviewStatus.Planned && await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct));
    }

    public async Task<Outcome<SchoolReviewView>> ArrangeAsync(ArrangeReviewInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct))
        {
            return Outcome<SchoolReviewView>.Forbidden();
        }
        var problems = new Problems();
        var school = input.School is int urn ? await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn && s.ArchivedAt == null, ct) : null;
        if (school is null)
        {
            problems.Add("school", input.School is null ? "Choose the school to be reviewed." : $"There is no open school with URN {input.School} in your trust.");
        }
        if (input.ReviewOn is null)
        {
            problems.Add("reviewOn", "Enter the date of the review.");
        }
        problems.Require("reviewers", input.Reviewers, "reviewers' names", 1000).Optional("focus", input.Focus, "focus", 1000);
        var version = await FrameworkAsync(input.Framework, ct);
        if (version is null)
        {
            problems.Add("framework", input.Framework is null ? "Your trust has no framework yet: add one first." : $"Your trust has no framework \"{input.Framework}\".");
        }
        if (problems.Any)
        {
            return Outcome<SchoolReviewView>.Invalid(problems);
        }
        var review = new SchoolReview
        {
            SchoolId = school!.Id, FrameworkVersionId = version!.Version.Id, ReviewOn = input.ReviewOn!.Value, Status = SchoolReviewStatus.Planned,
            Reviewers = input.Reviewers!.Trim(), Focus = Text.Clean(input.Focus), CreatedAt = clock.UtcNow(), CreatedBy = await ActingPerson.NameAsync(db, ct),
        };
        db.SchoolReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return Outcome<SchoolReviewView>.Ok((await OneAsync(review.Id, ct))!);
    }

    public async Task<Outcome<SchoolReviewView>> CompleteAsync(int id, CompleteReviewInput input, CancellationToken ct)
    {
        var review = await db.SchoolReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null || !await access.CanAsync(Permission.ViewReviews, review.SchoolId, ct))
        {
            return Outcome<SchoolReviewView>.NotFound();
        }
        if (!await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct))
        {
            return Outcome<SchoolReviewView>.Forbidden();
        }
        var problems = new Problems().Require("summary", input.Summary, "summary of the review", 4000);
        if (review.Status == SchoolReviewStatus.Completed)
        {
            problems.Add("status", $"This review was completed on {Shared.Display.Date(DateOnly.FromDateTime(review.CompletedAt ?? default))}: its findings stand.");
        }
        var stored = await db.FrameworkVersions.Where(v => v.Id == review.FrameworkVersionId).Select(v => new { v.FrameworkId, v.Number }).FirstAsync(ct);
        var version = (await catalogue.LoadAsync(stored.FrameworkId, stored.Number, ct))!;
        var findings = new List<(FrameworkArea Area, string Grade, FindingInput Input)>();
        var line = 0;
        foreach (var f in input.Findings ?? [])
        {
            line++;
            var area = version.Areas.FirstOrDefault(a => a.Key == Text.Clean(f.Area));
            if (area is null)
            {
                problems.Add("findings", $"Finding {line}: {version.Framework.Name} has no area \"{f.Area}\".");
                continue;
            }
            var grade = version.Scale(area.Scale).FirstOrDefault(g => string.Equals(g.Key, Text.Clean(f.Grade), StringComparison.OrdinalIgnoreCase)
                || string.Equals(g.Name, Text.Clean(f.Grade), StringComparison.OrdinalIgnoreCase));
            if (grade is null)
            {
                problems.Add("findings", $"Finding {line} ({area.Name}): the grade must be one of {string.Join(", ", version.Scale(area.Scale).Select(g => g.Name))}, not \"{f.Grade}\".");
            }
            else if (findings.Any(x => x.Area.Id == area.Id))
            {
                problems.Add("findings", $"Finding {line}: {area.Name} has a finding already.");
            }
            else
            {
                findings.Add((area, grade.Key, f));
            }
            problems.Optional("findings", f.Finding, $"finding on {area.Name}", 4000);
        }
        if (findings.Count == 0 && !problems.ToDictionary().ContainsKey("findings"))
        {
            problems.Add("findings", "Record a finding on at least one area.");
        }
        if (problems.Any)
        {
            return Outcome<SchoolReviewView>.Invalid(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        review.Status = SchoolReviewStatus.Completed;
        review.Summary = input.Summary!.Trim();
        review.CompletedAt = clock.UtcNow();
        foreach (var (area, grade, f) in findings)
        {
            var finding = new ReviewFinding { SchoolReviewId = review.Id, FrameworkAreaId = area.Id, Grade = grade, Finding = Text.Clean(f.Finding) };
            db.ReviewFindings.Add(finding);
            await db.SaveChangesAsync(ct);
            if (f.FollowUp is { } follow)
            {
                // A follow-up is an action in the school's plan: Plans' own use case checks and saves it.
                var priorityOk = follow.PriorityId is int pid && await db.Priorities.AnyAsync(p => p.Id == pid && p.SchoolId == review.SchoolId, ct);
                var saved = priorityOk
                    ? await saveAction.AddAsync(follow.PriorityId!.Value, new ActionInput { Title = follow.Title, Owner = follow.Owner, DueOn = follow.DueOn }, ct)
                    : null;
                if (saved is not { Kind: OutcomeKind.Ok })
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    var why = saved is null ? "choose a priority of the school's plan" : string.Join(" ", saved.Errors.SelectMany(e => e.Value));
                    return Outcome<SchoolReviewView>.Invalid(new Problems().Add("findings", $"The follow-up on {area.Name}: {why}"));
                }
                db.ReviewFollowUps.Add(new ReviewFollowUp { SchoolReviewId = review.Id, ReviewFindingId = finding.Id, PlanActionId = saved.Value!.Id });
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<SchoolReviewView>.Ok((await OneAsync(review.Id, ct))!);
    }

    /// <summary>The latest version of the framework named (default the trust's Ofsted framework, else its first).</summary>
    public async Task<LoadedVersion?> FrameworkAsync(string? key, CancellationToken ct)
    {
        if (Text.Clean(key) is string k)
        {
            return await catalogue.LoadByKeyAsync(k, ct);
        }
        return await catalogue.LoadByKeyAsync(FrameworkLibrary.Ofsted, ct)
            ?? ((await catalogue.ListAsync(ct)).FirstOrDefault() is { } first ? await catalogue.LoadAsync(first.Id, null, ct) : null);
    }
}
