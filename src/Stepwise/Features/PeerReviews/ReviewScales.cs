using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.PeerReviews;

public sealed record ScalePointView(string Key, string Name, string? Description, int Rank);

public sealed record ScaleView(int Id, int Number, string Name, string? Notes, DateTime CreatedAt, string? CreatedBy, bool Used, List<ScalePointView> Points);

/// <summary>The trust's review scale: every version, the current one last.</summary>
public sealed record ScaleBook(ScaleView? Current, List<ScaleView> Versions, List<ScalePointView> Starter, bool CanWrite);

/// <summary>What a person sends to write the scale: its points, best first.</summary>
public sealed record ScaleInput
{
    public string? Name { get; init; }
    public string? Notes { get; init; }
    public List<ScalePointInput>? Points { get; init; }
}

public sealed record ScalePointInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
}

/// <summary>
/// The scale Stepwise ships: a trust adopts it as its version 1 (the first review arranged adopts it if the trust
/// has none), then writes its own versions from there.
/// </summary>
public static class StarterScale
{
    public const string Name = "Peer review scale";

    public static readonly IReadOnlyList<ScalePointView> Points =
    [
        new("leading", "Leading", "Practice others in the trust could learn from: consistent across the school, and leaders can show why it works.", 1),
        new("effective", "Effective", "Secure and consistent: pupils benefit in almost every class, and leaders know where it is less strong.", 2),
        new("working-towards-effective", "Working towards effective", "The right things are under way and some are working; they are not yet consistent or not yet showing in pupils' work.", 3),
        new("ineffective", "Ineffective", "Pupils are not yet getting what they need here, and the school's actions have not yet changed that.", 4),
    ];
}

/// <summary>
/// Reads and writes the trust's versioned review scale. A version a review has used never changes: writing the scale
/// again then makes the next version (while the current one is unused, writing changes it in place).
/// </summary>
public sealed class ReviewScales(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<ScaleBook> BookAsync(CancellationToken ct)
    {
        var scales = await db.ReviewScales.AsNoTracking().Include(s => s.Points).OrderBy(s => s.Number).ToListAsync(ct);
        var used = await db.PeerReviews.Select(r => r.ReviewScaleId).Distinct().ToListAsync(ct);
        var views = scales.Select(s => View(s, used.Contains(s.Id))).ToList();
        return new ScaleBook(views.LastOrDefault(), views, StarterScale.Points.ToList(), await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct));
    }

    public async Task<ScaleView?> VersionAsync(int scaleId, CancellationToken ct)
    {
        var scale = await db.ReviewScales.AsNoTracking().Include(s => s.Points).FirstOrDefaultAsync(s => s.Id == scaleId, ct);
        return scale is null ? null : View(scale, await db.PeerReviews.AnyAsync(r => r.ReviewScaleId == scaleId, ct));
    }

    /// <summary>The scale new reviews use: the highest version, adopting the starter scale as version 1 if the trust has none.</summary>
    public async Task<ReviewScale> CurrentOrStarterAsync(CancellationToken ct)
    {
        var current = await db.ReviewScales.Include(s => s.Points).OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return current;
        }
        var starter = new ReviewScale
        {
            Number = 1, Name = StarterScale.Name, Notes = "The starter scale shipped with Stepwise.", CreatedAt = clock.UtcNow(),
            CreatedBy = await ActingPerson.NameAsync(db, ct),
            Points = StarterScale.Points.Select(p => new ReviewScalePoint { Key = p.Key, Name = p.Name, Description = p.Description, Rank = p.Rank }).ToList(),
        };
        db.ReviewScales.Add(starter);
        await db.SaveChangesAsync(ct);
        return starter;
    }

    /// <summary>Writes the scale: a new version when the current one is used by a review (or there is none), else the current one changed.</summary>
    public async Task<Outcome<ScaleView>> WriteAsync(ScaleInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct))
        {
            return Outcome<ScaleView>.Forbidden();
        }
        var problems = new Problems().Require("name", input.Name, "scale's name", 200).Optional("notes", input.Notes, "note on what changed", 1000);
        var points = (input.Points ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Description)).ToList();
        if (points.Count < 2)
        {
            problems.Add("points", "A scale needs at least two points, best first.");
        }
        var keys = new HashSet<string>();
        for (var i = 0; i < points.Count; i++)
        {
            problems.Require($"points[{i}].name", points[i].Name, $"name of point {i + 1}", 120).Optional($"points[{i}].description", points[i].Description, $"description of point {i + 1}", 1000);
            var key = Slug.Of(points[i].Name ?? "");
            if (key.Length > 0 && !keys.Add(key))
            {
                problems.Add($"points[{i}].name", $"Point {i + 1}, \"{points[i].Name!.Trim()}\", has the same name as an earlier point.");
            }
        }
        if (problems.Any)
        {
            return Outcome<ScaleView>.Invalid(problems);
        }
        var current = await db.ReviewScales.Include(s => s.Points).OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        var inUse = current is not null && await db.PeerReviews.AnyAsync(r => r.ReviewScaleId == current.Id, ct);
        var fresh = points.Select((p, i) => new ReviewScalePoint { Key = Slug.Of(p.Name!), Name = p.Name!.Trim(), Description = Text.Clean(p.Description), Rank = i + 1 }).ToList();
        var scale = current;
        if (current is null || inUse)
        {
            scale = new ReviewScale { Number = (current?.Number ?? 0) + 1, Name = input.Name!.Trim(), Notes = Text.Clean(input.Notes), CreatedAt = clock.UtcNow(), CreatedBy = await ActingPerson.NameAsync(db, ct), Points = fresh };
            db.ReviewScales.Add(scale);
        }
        else
        {
            db.ReviewScalePoints.RemoveRange(current.Points);
            await db.SaveChangesAsync(ct);
            (current.Name, current.Notes) = (input.Name!.Trim(), Text.Clean(input.Notes));
            current.Points = fresh;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ScaleView>.Ok(View(scale!, false));
    }

    private static ScaleView View(ReviewScale s, bool used) => new(s.Id, s.Number, s.Name, s.Notes, s.CreatedAt, s.CreatedBy, used,
        s.Points.OrderBy(p => p.Rank).Select(p => new ScalePointView(p.Key, p.Name, p.Description, p.Rank)).ToList());
}
