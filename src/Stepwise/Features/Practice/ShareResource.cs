using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Practice;

/// <summary>A resource to share: what it is, where it lives (a link), the school that wrote it, the area it helps with, and its strands.</summary>
/// <param name="School">The URN of the school that wrote it; none for the trust's own (trust leaders only).</param>
/// <param name="Kind">scheme-of-work, protocol, guide or other.</param>
/// <param name="Area">A framework area key, e.g. curriculum-and-teaching.</param>
/// <param name="Strands">EEF Toolkit strand slugs (or names).</param>
public sealed record ResourceInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Kind { get; init; }
    public string? Url { get; init; }
    public int? School { get; init; }
    public string? Area { get; init; }
    public List<string>? Strands { get; init; }
}

/// <summary>
/// Shares a resource in the practice library: trust leaders for any school or the trust, school leaders for their own
/// school. The resource is a link (to the school's drive, a web page, or a page of Stepwise): Stepwise keeps no files'
/// contents, as its evidence does not. Nothing is stored when any field is wrong.
/// </summary>
public sealed class ShareResource(AppDbContext db, AccessControl access, ReadPracticeLibrary library, TimeProvider clock)
{
    public async Task<Outcome<PracticeEntry>> HandleAsync(ResourceInput input, CancellationToken ct)
    {
        if (!await access.CanAnywhereAsync(Permission.ShareResources, ct))
        {
            return Outcome<PracticeEntry>.Forbidden();
        }
        var problems = new Problems()
            .Require("title", input.Title, "title", 200)
            .Optional("description", input.Description, "description", 2000);
        var kind = ResourceKind.Other;
        if (Text.Clean(input.Kind) is string k && !Codes.TryParse(k, out kind))
        {
            problems.Add("kind", $"The kind must be one of {Codes.List<ResourceKind>()}, not \"{k}\".");
        }
        var url = Text.Clean(input.Url);
        if (url is null)
        {
            problems.Add("url", "Give the link where the resource lives (https://…, or a page of Stepwise starting with /).");
        }
        else if (!EvidenceChecks.SafeLink(url))
        {
            problems.Add("url", "The link must start with https://, http:// or / (a page in Stepwise), in 1,000 characters or fewer.");
        }
        int? schoolId = null;
        if (input.School is int urn)
        {
            var school = await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn, ct);
            if (school is null)
            {
                problems.Add("school", $"There is no school with URN {urn} in the trust.");
            }
            else if (!await access.CanAsync(Permission.ShareResources, school.Id, ct))
            {
                return Outcome<PracticeEntry>.Forbidden();
            }
            else
            {
                schoolId = school.Id;
            }
        }
        else if (!await access.CanAcrossTrustAsync(Permission.ShareResources, ct))
        {
            problems.Add("school", "Choose the school that wrote the resource.");
        }
        var area = Text.Clean(input.Area);
        if (area is not null && !(await library.AreaNamesAsync(ct)).ContainsKey(area))
        {
            problems.Add("area", $"There is no framework area \"{area}\" in the trust's frameworks.");
        }
        var strands = PracticeTags.Check(input.Strands, problems);
        if (problems.Any)
        {
            return Outcome<PracticeEntry>.Invalid(problems);
        }
        var resource = new SharedResource
        {
            SchoolId = schoolId, Title = input.Title!.Trim(), Description = Text.Clean(input.Description), Kind = kind, Url = url, AreaKey = area,
            CreatedAt = clock.UtcNow(), CreatedBy = await ActingPerson.NameAsync(db, ct),
        };
        db.SharedResources.Add(resource);
        await db.SaveChangesAsync(ct);
        db.PracticeTags.AddRange(strands.Select(s => new PracticeTag { Source = PracticeSource.Resource, SourceId = resource.Id, Strand = s.Slug }));
        await db.SaveChangesAsync(ct);
        return Outcome<PracticeEntry>.Ok((await library.FindAsync(ReadPracticeLibrary.KindOf(PracticeSource.Resource), resource.Id, ct))!);
    }
}
