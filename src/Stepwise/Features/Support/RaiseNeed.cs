using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.PeerReviews;

namespace Stepwise.Features.Support;

/// <summary>What a person sends to raise a need (the page's form and the API's body).</summary>
public sealed record NeedInput
{
    /// <summary>The school that needs the help, by URN.</summary>
    public int? School { get; init; }

    /// <summary>The area's key in the framework (default the trust's Ofsted framework).</summary>
    public string? Area { get; init; }

    public string? Framework { get; init; }

    /// <summary>The measure's key (optional).</summary>
    public string? Metric { get; init; }

    public string? Description { get; init; }
}

public sealed record NeedStatusInput(string? Status);

/// <summary>
/// Raises a school's need for support (RaiseSupportNeeds: the school's leaders for their school, trust leaders for
/// any): an area of the school's framework, an optional measure, and what is needed. Closing it (met or withdrawn).
/// </summary>
public sealed class RaiseNeed(AppDbContext db, AccessControl access, ArrangePeerReview frameworks, TimeProvider clock)
{
    public async Task<Outcome<SupportNeed>> HandleAsync(NeedInput input, CancellationToken ct)
    {
        var problems = new Problems();
        var school = input.School is int urn ? await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn && s.ArchivedAt == null, ct) : null;
        if (school is null)
        {
            problems.Add("school", input.School is null ? "Choose the school that needs support." : $"There is no school with URN {input.School} in your trust.");
        }
        else if (!await access.CanAsync(Permission.RaiseSupportNeeds, school.Id, ct))
        {
            return Outcome<SupportNeed>.Forbidden();
        }
        var area = await AreaAsync(input.Framework, input.Area, problems, ct);
        var metric = await MetricAsync(input.Metric, problems, ct);
        problems.Require("description", input.Description, "What the school needs", 2000);
        if (problems.Any)
        {
            return Outcome<SupportNeed>.Invalid(problems);
        }
        var need = new SupportNeed
        {
            SchoolId = school!.Id, FrameworkAreaId = area!.Id, MetricKey = metric, Description = input.Description!.Trim(), Status = SupportNeedStatus.Open,
            RaisedOn = clock.Today(), RaisedBy = await ActingPerson.NameAsync(db, ct), CreatedAt = clock.UtcNow(),
        };
        db.SupportNeeds.Add(need);
        await db.SaveChangesAsync(ct);
        return Outcome<SupportNeed>.Ok(need);
    }

    public async Task<Outcome<SupportNeed>> SetStatusAsync(int needId, NeedStatusInput input, CancellationToken ct)
    {
        var need = await db.SupportNeeds.FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null || !await access.CanAsync(Permission.RaiseSupportNeeds, need.SchoolId, ct))
        {
            return Outcome<SupportNeed>.NotFound();
        }
        if (!Codes.TryParse<SupportNeedStatus>(input.Status, out var status))
        {
            return Outcome<SupportNeed>.Invalid(new Problems().Add("status", "Choose open, met or withdrawn."));
        }
        need.Status = status;
        await db.SaveChangesAsync(ct);
        return Outcome<SupportNeed>.Ok(need);
    }

    /// <summary>The area with this key in the latest version of the framework (default the trust's Ofsted framework).</summary>
    public async Task<FrameworkArea?> AreaAsync(string? framework, string? key, Problems problems, CancellationToken ct)
    {
        var version = await frameworks.FrameworkAsync(Text.Clean(framework), ct);
        if (version is null)
        {
            problems.Add("area", "Your trust has no framework yet: add one first.");
            return null;
        }
        if (Text.Clean(key) is not { } k)
        {
            problems.Add("area", "Choose the area the school needs support in.");
            return null;
        }
        if (version.Areas.FirstOrDefault(a => a.Key == k) is not { } area)
        {
            problems.Add("area", $"{version.Framework.Name} has no area \"{k}\".");
            return null;
        }
        return area;
    }

    public async Task<string?> MetricAsync(string? key, Problems problems, CancellationToken ct)
    {
        if (Text.Clean(key) is not { } k)
        {
            return null;
        }
        if (!await db.Metrics.AnyAsync(m => m.Key == k, ct))
        {
            problems.Add("metric", $"There is no measure \"{k}\".");
        }
        return k;
    }

    /// <summary>The schools the person may raise a need for, by name.</summary>
    public async Task<List<(int Urn, string Name)>> SchoolChoicesAsync(CancellationToken ct) =>
        (await (await access.SchoolsAsync(Permission.RaiseSupportNeeds, ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync(ct))
            .Select(s => (s.Urn, s.Name)).ToList();

    /// <summary>The measures a need can name: every metric of the catalogue, by name.</summary>
    public async Task<List<(string Key, string Name)>> MetricChoicesAsync(CancellationToken ct) =>
        (await db.Metrics.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Key, m.Name }).ToListAsync(ct)).Select(m => (m.Key, m.Name)).ToList();
}
