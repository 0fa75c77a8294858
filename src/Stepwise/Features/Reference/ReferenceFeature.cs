using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Reference;

/// <summary>Marks an endpoint that serves public national data to any signed-in user, whatever their trust.</summary>
public sealed class NationalDataAttribute : Attribute;

public static class ReferenceFeature
{
    public sealed record Figure(string Metric, string Name, string Unit, string Polarity, int Year, double? Value, string? Missing,
        double? LocalAverage, double? NationalAverage, string Source, string File, DateTime ImportedAt);

    public sealed record SchoolFigures(int Urn, string? LaCode, ReferenceSchool? Register, List<Figure> Measures);

    public static IServiceCollection AddReference(this IServiceCollection services) => services.AddScoped<ImportNationalData>().AddScoped<ImportRegister>()
        .AddScoped<QueueNationalImport>().AddScoped<Imports.IImportJobHandler, NationalDataJobs>();

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reference").WithTags("National reference data").RequireAuthorization()
            .MapGet("/schools/{urn:int}", GetSchoolAsync)
            .WithMetadata(new NationalDataAttribute())
            .WithSummary("Any school's published national figures by year, each with its local and national average and where it came from (public data: any signed-in user)");
        return app;
    }

    private static async Task<Results<Ok<SchoolFigures>, NotFound>> GetSchoolAsync(int urn, AppDbContext db, CancellationToken ct)
    {
        var rows = await db.ReferenceValues.Where(v => v.Urn == urn)
            .Join(db.Metrics, v => v.MetricKey, m => m.Key, (v, m) => new { v, m })
            .Join(db.ImportRuns, x => x.v.ImportRunId, r => r.Id, (x, r) => new { x.v, x.m, r.FileName, r.At })
            .AsNoTracking().ToListAsync(ct);
        var register = await db.ReferenceSchools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (rows.Count == 0 && register is null)
        {
            return TypedResults.NotFound();
        }
        var area = rows.Count > 0 ? rows[0].v.Area : register!.LaCode;
        var keys = rows.Select(r => r.v.MetricKey).Distinct().ToList();
        var averages = await db.ReferenceValues
            .Where(v => v.Urn == null && keys.Contains(v.MetricKey) && (v.Area == area || v.RecordType == RecordType.England))
            .AsNoTracking().ToListAsync(ct);
        double? Average(string key, int year, bool national) => averages
            .Where(a => a.MetricKey == key && a.Year == year && (national ? a.RecordType == RecordType.England : a.Area == area))
            .OrderBy(a => a.Area).Select(a => a.Value).FirstOrDefault(v => v is not null);
        var figures = rows.OrderBy(r => r.v.MetricKey).ThenBy(r => r.v.Year)
            .Select(r => new Figure(r.m.Key, r.m.Name, r.m.Unit, r.m.Polarity, r.v.Year, r.v.Value, r.v.Missing,
                Average(r.m.Key, r.v.Year, national: false), Average(r.m.Key, r.v.Year, national: true), r.m.Source, r.FileName, r.At))
            .ToList();
        return TypedResults.Ok(new SchoolFigures(urn, area, register, figures));
    }
}
