using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Common.Charts;
using Stepwise.Data;
using Stepwise.Features.Metrics;

namespace Stepwise.Features.Enquiries;

/// <summary>The enquiry's use cases, its JSON API (tag "Enquiries"), its charts and its CSV export.</summary>
public static class EnquiryApi
{
    public static IServiceCollection AddEnquiryUseCases(this IServiceCollection services) => services
        .AddScoped<SaveEnquiry>()
        .AddScoped<EditDriverDiagram>()
        .AddScoped<ReadDiagramHistory>()
        .AddScoped<SaveMeasure>()
        .AddScoped<RecordTeamMeasureValues>()
        .AddScoped<ExportEnquiry>();

    public static IEndpointRouteBuilder MapEnquiryApi(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/enquiries/{enquiryId:int}").RequireAuthorization().ExcludeFromDescription();
        pages.MapChart("/measures/{measureId:int}/chart", async (context, ct) =>
            await MeasureAsync(context, ct) is { } measure ? MetricChart.Run(measure.Analysis, measure.Annotations) : null);
        pages.MapChart("/driver-diagram", async (context, ct) =>
            await context.RequestServices.GetRequiredService<ReadEnquiry>().OneAsync(
                int.Parse((string)context.Request.RouteValues["enquiryId"]!, System.Globalization.CultureInfo.InvariantCulture), ct) is { } view ? EnquiryDiagram.Draw(view) : null);
        pages.MapGet("/export.csv", async (int enquiryId, ExportEnquiry export, CancellationToken ct) =>
            await export.CsvAsync(enquiryId, ct) is { } csv ? Results.File(csv.Bytes, "text/csv", csv.FileName) : Results.NotFound());

        var api = app.MapGroup("/api").WithTags("Enquiries").RequireAuthorization();
        api.MapPost("/teams/{teamId:int}/enquiries", CreateAsync)
            .WithSummary("Open an enquiry for a learning team: title, schoolUrn (one of the team's schools), problemOfPractice, aim with aimBaseline, aimTarget and aimBy, theory of action (theoryWhen, theoryThen)");
        api.MapGet("/enquiries/{enquiryId:int}", GetAsync)
            .WithSummary("One enquiry: its aim, its computed progress score (progressScore 0.5–5.0, progressLabel, progressWhy, progressNext, progressSteps), driver diagram, measures with their SPC reading and annotations, and cycles")
            .WithDescription("The progress score is computed from the evidence, never typed in. Each cycle's decision is adopt, adapt, abandon or null. Governors and reviewers read summaries: whatHappened, study and decisionNote are null for them.");
        api.MapPut("/enquiries/{enquiryId:int}", UpdateAsync).WithSummary("Change an enquiry's title, school, problem of practice, aim and theory of action (those who may change the team's work)");
        api.MapPost("/enquiries/{enquiryId:int}/close", CloseAsync).WithSummary("Close an enquiry (?reopen=true reopens it): a closed enquiry is kept, read-only");
        api.MapGet("/enquiries/{enquiryId:int}/driver", GetDriverAsync).WithSummary("The enquiry's driver diagram as a tree: aim → primary drivers → secondary drivers → change ideas (impact and ease 1–3)");
        api.MapGet("/enquiries/{enquiryId:int}/driver/history", GetHistoryAsync)
            .WithSummary("What changed on the driver diagram, newest first (from the audit log: who, when, what), and the boxes taken off it");
        api.MapPost("/enquiries/{enquiryId:int}/driver/nodes", AddNodeAsync)
            .WithSummary("Add a box to the driver diagram: kind (primary, secondary, change-idea), text, parentId (a primary for a secondary; a primary or secondary for a change idea), impact and ease 1–3 for a change idea, position");
        api.MapPut("/enquiries/{enquiryId:int}/driver/nodes/{nodeId:int}", UpdateNodeAsync)
            .WithSummary("Rename, re-rate or move a box (text, parentId, impact, ease, position); its kind stays");
        api.MapDelete("/enquiries/{enquiryId:int}/driver/nodes/{nodeId:int}", RemoveNodeAsync)
            .WithSummary("Take a box off the diagram (kept in its history; cycles keep it). A box with boxes under it or with cycles needs ?confirm=true, and takes the boxes under it with it");
        api.MapPost("/enquiries/{enquiryId:int}/measures", AddMeasureAsync)
            .WithSummary("Add a measure: kind (outcome, process, balancing), name, operationalDefinition, and either metricKey and group (a metric of schoolUrn, the enquiry's school by default) or a team measure's unit, polarity (up, down, neutral), frequency (weekly, lesson) and target");
        api.MapPost("/enquiries/{enquiryId:int}/measures/{measureId:int}/values", AddValueAsync)
            .WithSummary("Enter a team measure's figure: on (any day of the week, kept as its Monday, for a weekly measure), lesson (a lesson measure), value, note");
        api.MapPost("/enquiries/{enquiryId:int}/measures/{measureId:int}/values/paste", PasteAsync)
            .WithSummary("Enter many figures at once as CSV lines \"date,value[,lesson]\" in text: all saved, or none with each wrong line named");
        api.MapPut("/enquiries/{enquiryId:int}/measures/{measureId:int}/values/{valueId:int}", CorrectValueAsync).WithSummary("Correct a team measure's figure");
        api.MapDelete("/enquiries/{enquiryId:int}/measures/{measureId:int}/values/{valueId:int}", DeleteValueAsync).WithSummary("Delete a team measure's figure");
        return app;
    }

    public sealed record PasteInput(string? Text);

    /// <summary>A team measure's figure in JSON: the value as a number.</summary>
    public sealed record ValueInput(DateOnly? On, string? Lesson, double? Value, string? Note)
    {
        public MeasureValueInput ToInput() => new()
        {
            On = On, Lesson = Lesson, Note = Note, Value = Value?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The enquiry as the API returns it, from the one read; null when it does not exist or may not be seen.</summary>
    public static async Task<EnquiryJson.Enquiry?> ReadAsync(int enquiryId, ReadEnquiry read, AppDbContext db, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, ct) is not { } view)
        {
            return null;
        }
        var ids = view.Measures.Select(m => m.Measure.SchoolId).OfType<int>().Distinct().ToList();
        var urns = await db.Schools.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Urn, ct);
        return EnquiryJson.Of(view, urns);
    }

    private static async Task<MeasureView?> MeasureAsync(HttpContext context, CancellationToken ct)
    {
        var enquiryId = int.Parse((string)context.Request.RouteValues["enquiryId"]!, System.Globalization.CultureInfo.InvariantCulture);
        var measureId = int.Parse((string)context.Request.RouteValues["measureId"]!, System.Globalization.CultureInfo.InvariantCulture);
        var view = await context.RequestServices.GetRequiredService<ReadEnquiry>().OneAsync(enquiryId, ct);
        return view?.Measures.FirstOrDefault(m => m.Measure.Id == measureId);
    }

    private static async Task<Results<Created<EnquiryJson.Enquiry>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        int teamId, EnquiryInput input, SaveEnquiry save, ReadEnquiry read, AppDbContext db, CancellationToken ct) =>
        (await (await save.CreateAsync(teamId, input, ct)).ThenAsync(async e => (await ReadAsync(e.Id, read, db, ct))!)).ToCreated(e => $"/api/enquiries/{e.Id}");

    private static async Task<Results<Ok<EnquiryJson.Enquiry>, NotFound>> GetAsync(int enquiryId, ReadEnquiry read, AppDbContext db, CancellationToken ct) =>
        await ReadAsync(enquiryId, read, db, ct) is { } json ? TypedResults.Ok(json) : TypedResults.NotFound();

    private static async Task<Results<Ok<EnquiryJson.Enquiry>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int enquiryId, EnquiryInput input, SaveEnquiry save, ReadEnquiry read, AppDbContext db, CancellationToken ct) =>
        (await (await save.UpdateAsync(enquiryId, input, ct)).ThenAsync(async e => (await ReadAsync(e.Id, read, db, ct))!)).ToOk();

    private static async Task<Results<Ok<EnquiryJson.Enquiry>, ValidationProblem, NotFound, ForbidHttpResult>> CloseAsync(
        int enquiryId, SaveEnquiry save, ReadEnquiry read, AppDbContext db, CancellationToken ct, bool reopen = false) =>
        (await (await save.CloseAsync(enquiryId, !reopen, ct)).ThenAsync(async e => (await ReadAsync(e.Id, read, db, ct))!)).ToOk();

    private static async Task<Results<Ok<EnquiryJson.Diagram>, NotFound>> GetDriverAsync(int enquiryId, ReadEnquiry read, CancellationToken ct) =>
        await read.OneAsync(enquiryId, ct) is { } view ? TypedResults.Ok(EnquiryJson.DiagramOf(EnquiryDiagram.Build(view))) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReadDiagramHistory.History>, NotFound>> GetHistoryAsync(int enquiryId, ReadDiagramHistory read, CancellationToken ct) =>
        await read.ForEnquiryAsync(enquiryId, ct) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();

    private static async Task<Results<Created<EnquiryJson.WrittenNode>, ValidationProblem, NotFound, ForbidHttpResult>> AddNodeAsync(
        int enquiryId, DriverNodeInput input, EditDriverDiagram edit, CancellationToken ct) =>
        (await (await edit.AddAsync(enquiryId, input, ct)).ThenAsync(n => Task.FromResult(EnquiryJson.NodeOf(n))))
        .ToCreated(n => $"/api/enquiries/{enquiryId}/driver/nodes/{n.Id}");

    private static async Task<Results<Ok<EnquiryJson.WrittenNode>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateNodeAsync(
        int enquiryId, int nodeId, DriverNodeInput input, EditDriverDiagram edit, CancellationToken ct) =>
        (await (await edit.UpdateAsync(enquiryId, nodeId, input, ct)).ThenAsync(n => Task.FromResult(EnquiryJson.NodeOf(n)))).ToOk();

    private static async Task<Results<Ok<EnquiryJson.WrittenNode>, ValidationProblem, NotFound, ForbidHttpResult>> RemoveNodeAsync(
        int enquiryId, int nodeId, EditDriverDiagram edit, CancellationToken ct, bool confirm = false) =>
        (await (await edit.RemoveAsync(enquiryId, nodeId, confirm, ct)).ThenAsync(n => Task.FromResult(EnquiryJson.NodeOf(n)))).ToOk();

    private static async Task<Results<Created<EnquiryJson.Measure>, ValidationProblem, NotFound, ForbidHttpResult>> AddMeasureAsync(
        int enquiryId, MeasureInput input, SaveMeasure save, ReadEnquiry read, AppDbContext db, CancellationToken ct) =>
        (await (await save.AddAsync(enquiryId, input, ct)).ThenAsync(async m => (await ReadAsync(enquiryId, read, db, ct))!.Measures.Single(x => x.Id == m.Id)))
        .ToCreated(m => $"/enquiries/{enquiryId}/measures/{m.Id}");

    private static async Task<Results<Created<EnquiryJson.Figure>, ValidationProblem, NotFound, ForbidHttpResult>> AddValueAsync(
        int enquiryId, int measureId, ValueInput input, RecordTeamMeasureValues record, CancellationToken ct) =>
        (await (await record.AddAsync(enquiryId, measureId, input.ToInput(), ct)).ThenAsync(v => Task.FromResult(EnquiryJson.FigureOf(v, detail: true))))
        .ToCreated(v => $"/api/enquiries/{enquiryId}/measures/{measureId}/values/{v.Id}");

    private static async Task<Results<Ok<List<EnquiryJson.Figure>>, ValidationProblem, NotFound, ForbidHttpResult>> PasteAsync(
        int enquiryId, int measureId, PasteInput input, RecordTeamMeasureValues record, CancellationToken ct) =>
        (await (await record.PasteAsync(enquiryId, measureId, input.Text, ct)).ThenAsync(vs => Task.FromResult(vs.Select(v => EnquiryJson.FigureOf(v, detail: true)).ToList()))).ToOk();

    private static async Task<Results<Ok<EnquiryJson.Figure>, ValidationProblem, NotFound, ForbidHttpResult>> CorrectValueAsync(
        int enquiryId, int measureId, int valueId, ValueInput input, RecordTeamMeasureValues record, CancellationToken ct) =>
        (await (await record.CorrectAsync(enquiryId, measureId, valueId, input.ToInput(), ct)).ThenAsync(v => Task.FromResult(EnquiryJson.FigureOf(v, detail: true)))).ToOk();

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ForbidHttpResult>> DeleteValueAsync(
        int enquiryId, int measureId, int valueId, RecordTeamMeasureValues record, CancellationToken ct)
    {
        var outcome = await record.DeleteAsync(enquiryId, measureId, valueId, ct);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.NoContent(),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
            OutcomeKind.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }
}
