using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Evidence;

/// <summary>The choices the evidence form offers: the kinds, the measures in the catalogue and the pupil groups.</summary>
public sealed record EvidenceChoices(List<SelectListItem> Kinds, List<SelectListItem> Metrics, List<SelectListItem> Groups)
{
    /// <summary>The key under which a page puts the choices for the shared form partial (_EvidenceFields).</summary>
    public const string ViewDataKey = "EvidenceChoices";
}

public sealed class ReadEvidenceChoices(AppDbContext db)
{
    public async Task<EvidenceChoices> HandleAsync(CancellationToken ct)
    {
        var metrics = await db.Metrics.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Key, m.Name }).ToListAsync(ct);
        return new EvidenceChoices(
            Enum.GetValues<EvidenceKind>().Select(k => new SelectListItem(Display.Sentence(Codes.Of(k)), Codes.Of(k)))
                .Prepend(new SelectListItem("From what is filled in", "")).ToList(),
            metrics.Select(m => new SelectListItem(m.Name, m.Key)).Prepend(new SelectListItem("None", "")).ToList(),
            PupilGroups.Comparisons.SelectMany(c => new[] { (c.Group, c.Name), (c.Others, c.OthersName) })
                .Prepend((PupilGroups.All, PupilGroups.Name(PupilGroups.All)))
                .Select(g => new SelectListItem(g.Item2, g.Item1)).ToList());
    }
}
