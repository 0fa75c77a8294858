using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

/// <summary>The whole-school programme's API (the page /schools/{urn}/programme uses the same use cases).</summary>
public static class ProgrammeApi
{
    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/schools/{urn:int}/programme").WithTags("Whole-school programme").RequireAuthorization();
        api.MapGet("", GetAsync)
            .WithSummary("A school's whole-school programme: the three phases with the EEF phases beside them, each activity ticked by its record or by hand, and the phase the school is in")
            .WithDescription("An activity is ticked by the record that shows it (tickedBy \"record\", with the record's url) or, where no record can, by hand with a note (tickedBy \"hand\"). phase is the first phase with an activity not done, or sustaining when all are.");
        api.MapPost("/ticks", TickAsync)
            .WithSummary("Tick or untick an activity done by hand (activity, ticked, note, on): leaders who may change the school's plans");
        return app;
    }

    private static async Task<Results<Ok<ReadProgramme.ProgrammeView>, ValidationProblem, NotFound, ForbidHttpResult>> GetAsync(int urn, ReadProgramme read, CancellationToken ct) =>
        (await read.ForSchoolAsync(urn, ct)).ToOk();

    private static async Task<Results<Ok<ReadProgramme.ProgrammeView>, ValidationProblem, NotFound, ForbidHttpResult>> TickAsync(
        int urn, ProgrammeTickInput input, TickProgramme tick, CancellationToken ct) =>
        (await tick.HandleAsync(urn, input, ct)).ToOk();
}
