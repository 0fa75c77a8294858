using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.SharedLanguage;

/// <summary>The trust's shared language of instructional practice (glossary, look-fors, step library) and improvement models.</summary>
public static class SharedLanguageFeature
{
    public static IServiceCollection AddSharedLanguage(this IServiceCollection services) => services
        .AddScoped<ReadLanguage>()
        .AddScoped<WriteLanguage>()
        .AddScoped<ReadImprovementModel>()
        .AddScoped<ReviewImprovementModel>();

    /// <summary>An item as the API shows it.</summary>
    public sealed record ItemView(int Id, LanguageItemKind Kind, string Key, string Name, string? Description, string? Category, string? EefStrand)
    {
        public static ItemView From(LanguageItem i) => new(i.Id, i.Kind, i.Key, i.Name, i.Description, i.Category, i.EefStrand);
    }

    /// <summary>A version with its items, as the API shows it.</summary>
    public sealed record VersionView(int Id, int Number, string? Notes, DateTime CreatedAt, DateTime? PublishedAt, bool IsDraft,
        List<ItemView> Terms, List<ItemView> LookFors, List<ItemView> Steps)
    {
        public static VersionView From(ReadLanguage.LanguageView v) => new(v.Version.Id, v.Version.Number, v.Version.Notes, v.Version.CreatedAt,
            v.Version.PublishedAt, v.Version.PublishedAt is null,
            v.Terms.Select(ItemView.From).ToList(), v.LookFors.Select(ItemView.From).ToList(), v.Steps.Select(ItemView.From).ToList());
    }

    public sealed record LanguageOverview(VersionView? Current, List<ReadLanguage.VersionSummary> Versions, bool CanWrite);

    public sealed record NewItem(LanguageItemKind? Kind, string? Key, string? Name, string? Description, string? Category, string? EefStrand)
    {
        public ItemDefinition Definition => new() { Key = Key, Name = Name, Description = Description, Category = Category, EefStrand = EefStrand };
    }

    public sealed record Publishing(string? Notes);

    public static IEndpointRouteBuilder MapSharedLanguageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/language").WithTags("Shared language").RequireAuthorization();
        api.MapGet("/", OverviewAsync).WithSummary("The trust's current shared language (glossary, look-fors, coaching steps) and its versions");
        api.MapGet("/versions/{versionId:int}", VersionAsync).WithSummary("One version of the shared language with its items, draft or published");
        api.MapPost("/versions", StartDraftAsync).WithSummary("Start writing the next version: a draft copied from the current version (or the starter)");
        api.MapPost("/versions/{versionId:int}/items", AddItemAsync).WithSummary("Add a term, look-for or coaching step to a draft");
        api.MapPut("/items/{itemId:int}", ChangeItemAsync).WithSummary("Change an item of a draft; refused for a published version or one in use");
        api.MapDelete("/items/{itemId:int}", RemoveItemAsync).WithSummary("Take an item out of a draft; refused for a published version or one in use");
        api.MapPost("/versions/{versionId:int}/publish", PublishAsync).WithSummary("Publish a draft: it becomes the trust's current shared language and never changes");
        api.MapGet("/starter", () => TypedResults.Ok(StarterLanguage.Definition)).WithSummary("The starter language shipped with Stepwise, as a JSON definition");
        api.MapPost("/starter", AdoptAsync).WithSummary("Adopt the starter language as the trust's first, published version");
        api.MapGet("/export", ExportEndpointAsync).Produces<LanguageDefinition>().WithSummary("A version as its JSON definition (the current one unless ?version=N)");
        api.MapPost("/import", ImportAsync).WithSummary("Import a JSON definition as the draft of the next version (?publish=true publishes it)");

        var models = app.MapGroup("/api").WithTags("Improvement model").RequireAuthorization();
        models.MapGet("/improvement-model", (int? version, ReadImprovementModel read, CancellationToken ct) => ModelAsync(null, version, read, ct))
            .WithSummary("The trust's improvement model (?version=N for an earlier one), its versions, review date and the glossary beside it");
        models.MapPost("/improvement-model", (ReviewImprovementModel.Input input, ReviewImprovementModel review, ReadImprovementModel read, CancellationToken ct) => ReviewAsync(null, input, review, read, ct))
            .WithSummary("Review the trust's improvement model: write its next version, with the next review date");
        models.MapGet("/schools/{urn:int}/improvement-model", (int urn, int? version, ReadImprovementModel read, CancellationToken ct) => ModelAsync(urn, version, read, ct))
            .WithSummary("A school's improvement model (?version=N for an earlier one), its versions, review date and the glossary beside it");
        models.MapPost("/schools/{urn:int}/improvement-model", (int urn, ReviewImprovementModel.Input input, ReviewImprovementModel review, ReadImprovementModel read, CancellationToken ct) => ReviewAsync(urn, input, review, read, ct))
            .WithSummary("Review a school's improvement model: write its next version, with the next review date");
        return app;
    }

    private static async Task<Ok<LanguageOverview>> OverviewAsync(ReadLanguage read, AccessControl access, CancellationToken ct)
    {
        var current = await read.CurrentAsync(ct);
        return TypedResults.Ok(new LanguageOverview(current is null ? null : VersionView.From(current), await read.VersionsAsync(ct),
            await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct)));
    }

    private static async Task<Results<Ok<VersionView>, NotFound>> VersionAsync(int versionId, ReadLanguage read, CancellationToken ct) =>
        await read.VersionAsync(versionId, ct) is { } v ? TypedResults.Ok(VersionView.From(v)) : TypedResults.NotFound();

    private static async Task<Results<Ok<VersionView>, ValidationProblem, NotFound, ForbidHttpResult>> StartDraftAsync(WriteLanguage write, ReadLanguage read, CancellationToken ct) =>
        (await (await write.StartDraftAsync(ct)).ThenAsync(async s => VersionView.From((await read.VersionAsync(s.VersionId, ct))!))).ToOk();

    private static async Task<Results<Created<ItemView>, ValidationProblem, NotFound, ForbidHttpResult>> AddItemAsync(int versionId, NewItem item, WriteLanguage write, CancellationToken ct)
    {
        return (await (await write.AddItemAsync(versionId, item.Kind, item.Definition, ct)).ThenAsync(i => Task.FromResult(ItemView.From(i))))
            .ToCreated(i => $"/api/language/versions/{versionId}");
    }

    private static async Task<Results<Ok<ItemView>, ValidationProblem, NotFound, ForbidHttpResult>> ChangeItemAsync(int itemId, NewItem item, WriteLanguage write, CancellationToken ct) =>
        (await (await write.ChangeItemAsync(itemId, item.Definition, ct)).ThenAsync(i => Task.FromResult(ItemView.From(i)))).ToOk();

    private static async Task<Results<Ok<WriteLanguage.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> RemoveItemAsync(int itemId, WriteLanguage write, CancellationToken ct) =>
        (await write.RemoveItemAsync(itemId, ct)).ToOk();

    private static async Task<Results<Ok<WriteLanguage.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> PublishAsync(int versionId, Publishing? publishing, WriteLanguage write, CancellationToken ct) =>
        (await write.PublishAsync(versionId, publishing?.Notes, ct)).ToOk();

    private static async Task<Results<Ok<WriteLanguage.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> AdoptAsync(WriteLanguage write, CancellationToken ct) =>
        (await write.AdoptStarterAsync(ct)).ToOk();

    /// <summary>The definition's own JSON, byte for byte what `stepwise language export` prints and `import` reads.</summary>
    private static async Task<Results<ContentHttpResult, NotFound>> ExportEndpointAsync(int? version, ReadLanguage read, AppDbContext db, CancellationToken ct) =>
        await ExportAsync(version, read, db, ct) is { } definition ? TypedResults.Text(definition.ToJson(), "application/json") : TypedResults.NotFound();

    /// <summary>A version (the current one by default) as its JSON definition; null if there is none.</summary>
    public static async Task<LanguageDefinition?> ExportAsync(int? number, ReadLanguage read, AppDbContext db, CancellationToken ct)
    {
        ReadLanguage.LanguageView? view;
        if (number is int n)
        {
            var id = await db.LanguageVersions.Where(v => v.Number == n).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
            view = id is int versionId ? await read.VersionAsync(versionId, ct) : null;
        }
        else
        {
            view = await read.CurrentAsync(ct);
        }
        return view is null ? null : LanguageDefinition.From(view, await db.Trusts.Select(t => t.Name).FirstAsync(ct));
    }

    private static async Task<Results<Ok<WriteLanguage.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> ImportAsync(LanguageDefinition definition, bool? publish, WriteLanguage write, CancellationToken ct) =>
        (await write.ImportAsync(definition, publish == true, ct)).ToOk();

    private static async Task<Results<Ok<ReadImprovementModel.View>, NotFound>> ModelAsync(int? urn, int? version, ReadImprovementModel read, CancellationToken ct) =>
        await read.HandleAsync(urn, version, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<ReadImprovementModel.View>, ValidationProblem, NotFound, ForbidHttpResult>> ReviewAsync(
        int? urn, ReviewImprovementModel.Input input, ReviewImprovementModel review, ReadImprovementModel read, CancellationToken ct)
    {
        var outcome = await (await review.HandleAsync(urn, input, ct)).ThenAsync(async m => (await read.HandleAsync(urn, m.Number, ct))!);
        return outcome.ToCreated(v => v.Path + $"?version={v.Model!.Number}");
    }
}
