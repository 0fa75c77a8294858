using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.TrustReviews;

/// <summary>Trust reviews of schools: the review policy and risk weights, the risk rating, the review calendar, reviews with findings and follow-ups, support tiers.</summary>
public static class TrustReviewsFeature
{
    public static IServiceCollection AddTrustReviews(this IServiceCollection services)
    {
        services.TryAddScoped<ReviewPolicies>();
        services.TryAddScoped<ReadRisk>();
        services.TryAddScoped<ReadReviewCalendar>();
        services.TryAddScoped<SupportTiers>();
        services.TryAddScoped<SchoolReviews>();
        return services;
    }

    public static IEndpointRouteBuilder MapTrustReviewsApi(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/reviews").WithTags("Trust reviews").RequireAuthorization();
        reviews.MapGet("/calendar", CalendarAsync)
            .WithSummary("The review calendar: each school you may see reviews of, its tier, last review with findings, next review (planned, else last plus the months for its band) and whether it is overdue; the band only where you may see ratings");
        reviews.MapGet("/policy", PolicyAsync).WithSummary("The trust's review policy: risk thresholds, months between reviews per band, tier names, and every risk component's default and chosen weight");
        reviews.MapPut("/policy", SavePolicyAsync).WithSummary("Change the review policy (trust leaders): thresholds, months per band, tier names, weights by component key");
        reviews.MapGet("/calendar.csv", CalendarCsvAsync).WithSummary("The review calendar as CSV: school, URN, next review, why, overdue, band (where you may see it), months between reviews, tier, last review, findings");
        reviews.MapGet("/ratings.csv", RatingsCsvAsync).WithSummary("Every rating you may see as CSV, one line per school and component: count, weight, points, what counted; then the score and band");
        reviews.MapPost("", ArrangeAsync).WithSummary("Arrange a trust review (trust leaders): school (URN), reviewOn, reviewers (names), focus, framework (key; default the Ofsted framework)");
        reviews.MapGet("/{schoolReviewId:int}", OneAsync).WithSummary("One trust review: its school, date, reviewers, focus, summary, findings per area with grades, and follow-ups (plan actions)");
        reviews.MapPost("/{schoolReviewId:int}/complete", CompleteAsync)
            .WithSummary("Complete a review (trust leaders): summary and findings (area key, grade key or name, finding, followUp {priorityId, title, owner, dueOn} kept as an action in the school's plan); all or nothing");
        var schools = app.MapGroup("/api/schools/{urn:int}").WithTags("Trust reviews").RequireAuthorization();
        schools.MapGet("/risk", RiskAsync)
            .WithSummary("A school's risk rating line by line: every component with its count, what counted (which measure, area, review), weight and points; the score and band (trust leaders; a school's leaders for their own school)");
        schools.MapGet("/support-tier", TierAsync)
            .WithSummary("A school's support tier with its history; for those who may see ratings, the rating now, the tier its band suggests and a note when the decision differs (governors: their school's tier, no rating)");
        schools.MapPost("/support-tier", DecideAsync).WithSummary("Decide a school's support tier (trust leaders): tier (universal, targeted, intensive), reason, decidedOn; recorded beside the rating as it stands, never overwriting earlier decisions");
        return app;
    }

    private static async Task<Results<Created<SchoolReviewView>, ValidationProblem, NotFound, ForbidHttpResult>> ArrangeAsync(ArrangeReviewInput input, SchoolReviews reviews, CancellationToken ct) =>
        (await reviews.ArrangeAsync(input, ct)).ToCreated(r => $"/api/reviews/{r.Id}");

    private static async Task<Results<Ok<SchoolReviewView>, NotFound>> OneAsync(int schoolReviewId, SchoolReviews reviews, CancellationToken ct) =>
        await reviews.OneAsync(schoolReviewId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<SchoolReviewView>, ValidationProblem, NotFound, ForbidHttpResult>> CompleteAsync(int schoolReviewId, CompleteReviewInput input, SchoolReviews reviews, CancellationToken ct) =>
        (await reviews.CompleteAsync(schoolReviewId, input, ct)).ToOk();

    private static async Task<FileContentHttpResult> CalendarCsvAsync(ReadReviewCalendar calendar, CancellationToken ct) =>
        TypedResults.File(ReviewsCsv.Calendar(await calendar.ListAsync(ct)), "text/csv", "review-calendar.csv");

    private static async Task<FileContentHttpResult> RatingsCsvAsync(ReadRisk risk, AccessControl access, CancellationToken ct)
    {
        var urns = await (await access.SchoolsAsync(Permission.ViewRisk, ct)).Where(s => s.ArchivedAt == null).Select(s => s.Urn).ToListAsync(ct);
        return TypedResults.File(ReviewsCsv.Ratings((await risk.ForSchoolsAsync(urns, ct)).Values.OrderBy(r => r.SchoolName).ToList()), "text/csv", "risk-ratings.csv");
    }

    private static async Task<Results<Ok<SupportTierView>, NotFound>> TierAsync(int urn, SupportTiers tiers, CancellationToken ct) =>
        await tiers.ForSchoolAsync(urn, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<SupportTierView>, ValidationProblem, NotFound, ForbidHttpResult>> DecideAsync(int urn, TierInput input, SupportTiers tiers, CancellationToken ct) =>
        (await tiers.DecideAsync(urn, input, ct)).ToCreated(v => $"/api/schools/{urn}/support-tier");

    private static async Task<Ok<List<CalendarRow>>> CalendarAsync(ReadReviewCalendar calendar, CancellationToken ct) => TypedResults.Ok(await calendar.ListAsync(ct));

    private static async Task<Ok<PolicyView>> PolicyAsync(ReviewPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.GetAsync(ct));

    private static async Task<Results<Ok<PolicyView>, ValidationProblem, NotFound, ForbidHttpResult>> SavePolicyAsync(PolicyInput input, ReviewPolicies policies, CancellationToken ct) =>
        (await policies.SaveAsync(input, ct)).ToOk();

    private static async Task<Results<Ok<RiskView>, NotFound>> RiskAsync(int urn, ReadRisk risk, CancellationToken ct) =>
        await risk.ForSchoolAsync(urn, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
