using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

/// <summary>The trust's view of its enquiries through the API (the page /enquiries reads the same).</summary>
public static class TrustViewApi
{
    public static IEndpointRouteBuilder MapTrustViewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enquiries").WithTags("Enquiries").RequireAuthorization();
        api.MapGet("", ListAsync)
            .WithSummary("Every enquiry the caller may see (of one school with ?school=URN): team, school, aim, computed progressScore with progressLabel and progressWhy, cycles, latestDecision, outcomeReading")
            .WithDescription("progressScore is the IHI 0.5–5.0 score computed from the evidence (ADR 0081), never typed in; progressWhy says why and progressNext what would move it. latestDecision is adopt, adapt, abandon or null; outcomeReading is improvement, concern, neutral, common or no-data. ?format=csv answers the same list as CSV.");
        api.MapGet("/what-worked", WhatWorkedAsync)
            .WithSummary("What worked: every adopted change idea the caller may see, with its enquiry, school, the cycle's study (null for governors and reviewers) and its evidence count");
        return app;
    }

    private static async Task<Results<Ok<List<ReadTrustView.EnquiryRow>>, FileContentHttpResult, NotFound>> ListAsync(
        int? school, string? format, ReadTrustView read, CancellationToken ct)
    {
        var outcome = await read.EnquiriesAsync(school, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return TypedResults.NotFound();
        }
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(ReadTrustView.Csv(outcome.Value!), "text/csv; charset=utf-8", "enquiries.csv")
            : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Ok<List<ReadTrustView.WhatWorked>>> WhatWorkedAsync(ReadTrustView read, CancellationToken ct) =>
        TypedResults.Ok(await read.WhatWorkedAsync(ct));
}
