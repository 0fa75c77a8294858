using System.Globalization;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// England rows publish counts (pupils on roll, pupils at the end of a key stage) as national totals, not averages:
/// 4,727,089 pupils in state-funded primaries is not what a primary school of 250 should be set beside. Before they are
/// stored, such totals become the average per school where the file itself says how many schools make them up — a
/// file of every school in England that gives each school's type (the census) — and are otherwise stored as missing
/// with the reason "total", so that no total is ever read as an average.
/// </summary>
public static class NationalCounts
{
    /// <summary>The DfE marker Stepwise gives an England count it could not turn into an average.</summary>
    public const string Total = "total";

    /// <summary>A file whose schools come from at least this many local authorities covers England (there are 153).</summary>
    public const int AuthoritiesInEngland = 100;

    public static bool IsCount(MeasureDefinition measure) => measure.Unit == "pupils";

    public static List<NationalRow> AsAverages(List<NationalRow> rows, FileLayout layout, ICollection<RowProblem> notes)
    {
        var counts = layout.Measures.Where(IsCount).Select(m => m.Key).ToList();
        if (counts.Count == 0 || !rows.Any(r => r.RecordType == RecordType.England))
        {
            return rows;
        }
        var coversEngland = rows.Where(r => r.Urn is not null && r.LaCode is not null).Select(r => r.LaCode).Distinct().Take(AuthoritiesInEngland).Count() == AuthoritiesInEngland;
        var result = new List<NationalRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.RecordType != RecordType.England)
            {
                result.Add(row);
                continue;
            }
            var values = new Dictionary<string, DfeCell>(row.Values);
            foreach (var key in counts.Where(values.ContainsKey))
            {
                var schools = coversEngland && row.NationalVariant is { } group
                    ? rows.Where(r => r.Urn is not null && r.NationalGroup == group && r.Values.TryGetValue(key, out var c) && c.Value is not null).Select(r => r.Values[key].Value!.Value).ToList()
                    : [];
                if (values[key].Value is double total && schools.Count > 0)
                {
                    values[key] = new DfeCell(total / schools.Count, null);
                    notes.Add(new RowProblem(row.Line, layout.Measures.First(m => m.Key == key).Column, total.ToString("0", CultureInfo.InvariantCulture),
                        $"England's figure is a total: stored as the average of the {schools.Count:N0} schools it counts ({total / schools.Count:N1})."));
                }
                else if (values[key].Value is not null)
                {
                    values[key] = new DfeCell(null, Total);
                }
            }
            result.Add(row with { Values = values });
        }
        return result;
    }
}
