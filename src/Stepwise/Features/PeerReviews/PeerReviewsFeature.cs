using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stepwise.Common;

namespace Stepwise.Features.PeerReviews;

/// <summary>Peer reviews between the trust's schools: the versioned scale, arranging, conducting and completing a review.</summary>
public static class PeerReviewsFeature
{
    /// <summary>Idempotent: self-evaluation adds the reads too, to show peer estimates beside its own judgements.</summary>
    public static IServiceCollection AddPeerReviews(this IServiceCollection services)
    {
        services.TryAddScoped<ReviewScales>();
        services.TryAddScoped<ReadPeerReviews>();
        services.TryAddScoped<ArrangePeerReview>();
        services.TryAddScoped<ConductPeerReview>();
        return services;
    }

    public static IEndpointRouteBuilder MapPeerReviewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/peer-reviews").WithTags("Peer reviews").RequireAuthorization();
        api.MapGet("", ListAsync)
            .WithSummary("The peer reviews the caller may see, latest first (school: one school's, by URN)")
            .WithDescription("Trust leaders see every review; a school's staff and governors its completed reviews, its leaders the planned ones too; reviewers the reviews they are on.");
        api.MapPost("", ArrangeAsync)
            .WithSummary("Arrange a peer review: school (URN), startsOn, endsOn, framework (key; default the Ofsted framework), areas (focus area keys), team (emails of people from other schools), lead (one of the team)");
        api.MapGet("/scale", ScaleAsync).WithSummary("The trust's peer review scale: every version with its points (rank 1 best), the current one, and the starter scale Stepwise ships");
        api.MapPut("/scale", WriteScaleAsync)
            .WithSummary("Write the trust's peer review scale: name, notes and points (best first); a version a review has used never changes, so this then makes the next version");
        api.MapGet("/{reviewId:int}", GetAsync).WithSummary("One peer review: its team, focus areas with the estimates on its scale, area of excellence, strengths and next steps, and what the caller may do");
        api.MapPut("/{reviewId:int}/area-of-excellence", ProposeAsync).WithSummary("The host school's leaders propose the review's area of excellence (while it is planned)");
        api.MapPut("/{reviewId:int}/findings", FindingsAsync)
            .WithSummary("The team records its findings: areas (area key, estimate on the review's scale, rationale), the finding on the area of excellence, strengths and next steps; after completion only the lead reviewer or trust leaders may correct them");
        api.MapPost("/{reviewId:int}/complete", CompleteAsync)
            .WithSummary("Complete the review (lead reviewer or trust leaders): refused, naming them, while any focus area has no estimate; from then its estimates stand beside the school's self-evaluation");
        return app;
    }

    private static async Task<Ok<List<PeerReviewRow>>> ListAsync(int? school, ReadPeerReviews read, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(school, ct));

    private static async Task<Results<Ok<PeerReviewView>, NotFound>> GetAsync(int reviewId, ReadPeerReviews read, CancellationToken ct) =>
        await read.OneAsync(reviewId, ct) is { } review ? TypedResults.Ok(review) : TypedResults.NotFound();

    private static async Task<Results<Created<PeerReviewView>, ValidationProblem, NotFound, ForbidHttpResult>> ArrangeAsync(
        ArrangeInput input, ArrangePeerReview arrange, ReadPeerReviews read, CancellationToken ct) =>
        (await (await arrange.HandleAsync(input, ct)).ThenAsync(r => ViewAsync(read, r.Id, ct))).ToCreated(r => $"/api/peer-reviews/{r.Id}");

    private static async Task<Ok<ScaleBook>> ScaleAsync(ReviewScales scales, CancellationToken ct) => TypedResults.Ok(await scales.BookAsync(ct));

    private static async Task<Results<Ok<ScaleView>, ValidationProblem, NotFound, ForbidHttpResult>> WriteScaleAsync(
        ScaleInput input, ReviewScales scales, CancellationToken ct) =>
        (await scales.WriteAsync(input, ct)).ToOk();

    private static async Task<Results<Ok<PeerReviewView>, ValidationProblem, NotFound, ForbidHttpResult>> ProposeAsync(
        int reviewId, ExcellenceInput input, ConductPeerReview conduct, ReadPeerReviews read, CancellationToken ct) =>
        (await (await conduct.ProposeExcellenceAsync(reviewId, input, ct)).ThenAsync(r => ViewAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<Ok<PeerReviewView>, ValidationProblem, NotFound, ForbidHttpResult>> FindingsAsync(
        int reviewId, FindingsInput input, ConductPeerReview conduct, ReadPeerReviews read, CancellationToken ct) =>
        (await (await conduct.RecordFindingsAsync(reviewId, input, ct)).ThenAsync(r => ViewAsync(read, r.Id, ct))).ToOk();

    private static async Task<Results<Ok<PeerReviewView>, ValidationProblem, NotFound, ForbidHttpResult>> CompleteAsync(
        int reviewId, ConductPeerReview conduct, ReadPeerReviews read, CancellationToken ct) =>
        (await (await conduct.CompleteAsync(reviewId, ct)).ThenAsync(r => ViewAsync(read, r.Id, ct))).ToOk();

    private static async Task<PeerReviewView> ViewAsync(ReadPeerReviews read, int reviewId, CancellationToken ct) =>
        await read.OneAsync(reviewId, ct) ?? throw new InvalidOperationException($"Peer review {reviewId} was just saved but cannot be read.");
}
