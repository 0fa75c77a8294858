using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

/// <summary>The schools the signed-in person may see, by name.</summary>
public sealed class ListSchools(AccessControl access)
{
    public async Task<List<SchoolSummary>> HandleAsync(bool includeArchived, CancellationToken ct)
    {
        var schools = await access.SchoolsAsync(Permission.ViewSchool, ct);
        var rows = await schools
            .Where(s => includeArchived || s.ArchivedAt == null)
            .OrderBy(s => s.Name)
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.Select(SchoolSummary.From).ToList();
    }
}
