using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stepwise.Common;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Plans;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Practice;

/// <summary>The practice library: what worked in the trust's schools and the school to ask, shared resources, and EEF Toolkit strand tags.</summary>
public static class PracticeFeature
{
    public static IServiceCollection AddPractice(this IServiceCollection services)
    {
        services.TryAddScoped<ReadPracticeLibrary>();
        services.TryAddScoped<ShareResource>();
        services.TryAddScoped<TagPracticeEntry>();
        return services;
    }

    public static IEndpointRouteBuilder MapPracticeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/practice").WithTags("Practice library").RequireAuthorization();
        api.MapGet("", SearchAsync)
            .WithSummary("Search the practice library: words, area (framework area key), metric (metric key), strand (EEF slug), school (URN), kind (change-idea, area-of-excellence, support-episode, resource)")
            .WithDescription("Each entry names its school (the school to ask: schoolUrn, schoolName), area, measure, strands and evidenceUrl (the cycle, the peer review, the support episode, or the resource's link). With both area and metric (a need's link), entries in the area or on the measure, those matching both first. ?format=csv answers the same entries as CSV.");
        api.MapGet("/strands", () => TypedResults.Ok(EefToolkit.All.Select(s => new StrandView(s.Slug, s.Name)).ToList()))
            .WithSummary("The 30 strands of the EEF Teaching and Learning Toolkit, by slug and name (names only)");
        api.MapPost("/resources", ShareAsync)
            .WithSummary("Share a resource: title, description, kind (scheme-of-work, protocol, guide, other), url, school (URN; none for the trust's own), area (key), strands (slugs)");
        api.MapPut("/{source}/{entryId:int}/tags", TagAsync)
            .WithSummary("Set an entry's EEF Toolkit strands (strands: slugs; an empty list clears them): trust leaders any entry, school leaders their own school's");
        return app;
    }

    private static async Task<Results<Ok<List<PracticeEntry>>, FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> SearchAsync(
        string? words, string? area, string? metric, string? strand, int? school, string? kind, string? format, ReadPracticeLibrary read, CancellationToken ct)
    {
        var outcome = await read.SearchAsync(new PracticeQuery(words, area, metric, strand, school, kind), ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return outcome.Kind switch
            {
                OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
                OutcomeKind.Forbidden => TypedResults.Forbid(),
                _ => TypedResults.NotFound(),
            };
        }
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(Csv(outcome.Value!.Entries), "text/csv; charset=utf-8", "practice-library.csv")
            : TypedResults.Ok(outcome.Value!.Entries);
    }

    private static async Task<Results<Created<PracticeEntry>, ValidationProblem, NotFound, ForbidHttpResult>> ShareAsync(
        ResourceInput input, ShareResource share, CancellationToken ct) =>
        (await share.HandleAsync(input, ct)).ToCreated(e => $"/api/practice?kind=resource&words={Uri.EscapeDataString(e.Title)}");

    private static async Task<Results<Ok<PracticeEntry>, ValidationProblem, NotFound, ForbidHttpResult>> TagAsync(
        string source, int entryId, TagsInput input, TagPracticeEntry tag, CancellationToken ct) =>
        (await tag.HandleAsync(source, entryId, input, ct)).ToOk();

    /// <summary>The entries as CSV for a spreadsheet, through the one CSV writer.</summary>
    public static byte[] Csv(IEnumerable<PracticeEntry> entries)
    {
        var csv = new PlanCsv();
        csv.Row("Kind", "Title", "Summary", "School URN", "School to ask", "Area key", "Area", "Metric key", "Measure", "EEF strands", "Evidence", "Evidence link", "Date");
        foreach (var e in entries)
        {
            csv.Row(e.Kind, e.Title, e.Summary, e.SchoolUrn, e.SchoolName, e.AreaKey, e.AreaName, e.MetricKey, e.MetricName,
                string.Join("; ", e.Strands.Select(s => s.Name)), e.EvidenceLabel, e.EvidenceUrl, e.On);
        }
        return csv.ToBytes();
    }
}
