using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Stepwise.Features.Imports;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>
/// An import's report is kept with its job: line numbers and reasons, never a pupil's UPN, and only the first problems
/// of each kind with an exact count of every kind, so a file of millions of bad lines stores a small report (ADR 0074).
/// </summary>
public abstract class KeepingImportReportsSmall(StepwiseApp app)
{
    private static string Upn(char letter, int i) => $"{letter}{44400000000 + i:00000000000}{i % 10}";

    /// <summary>
    /// Uploads a file on the imports page and runs its job here, on a server of the same database whose own runner is
    /// switched off, so the job has finished when this returns.
    /// </summary>
    private async Task<(int JobId, WebApplicationFactory<Program> Server, HttpClient Client)> UploadOnThePageAsync(string kind, string csv)
    {
        var server = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            foreach (var runner in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList())
            {
                services.Remove(runner);
            }
        }));
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(World.NorthDataManager));
        var url = $"/schools/{World.NorthPrimaryUrn}/imports";
        var page = await client.GetPageAsync(url);
        var form = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new StringContent(kind), "Input.Kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Input.File", $"{kind}.csv" },
        };
        var location = await (await client.PostAsync(url, form)).AssertRedirectAsync();
        Assert.True(await server.Services.GetRequiredService<ImportJobRunner>().RunNextAsync(CancellationToken.None));
        return (int.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), server, client);
    }

    /// <summary>Issue 17 defect 9: a 100 MB upload stored a 398 MB report row holding every line's raw UPN.</summary>
    [Fact]
    public async Task A_stored_report_holds_no_upn_and_only_the_first_problems_of_each_kind_with_exact_counts()
    {
        app.EnsureAvailable();
        var csv = new StringBuilder("UPN,Period,Possible,Present,Authorised,Unauthorised\n");
        var upns = Enumerable.Range(0, 450).Select(i => Upn('R', i)).ToList();
        for (var i = 0; i < upns.Count; i++)
        {
            // 300 pupils not on roll, and 150 lines whose period is not one.
            csv.Append(upns[i]).Append(i < 300 ? ",2024/25 HT1" : ",2024/25 HT9").Append(",70,66,4,0\n");
        }
        var (jobId, server, _) = await UploadOnThePageAsync("attendance", csv.ToString());
        await using var _server = server;

        var stored = await app.QueryAsync(db => db.ImportJobs.Where(j => j.Id == jobId).Select(j => j.Report).SingleAsync());
        Assert.NotNull(stored);
        Assert.All(upns, upn => Assert.DoesNotContain(upn, stored, StringComparison.Ordinal));
        var report = System.Text.Json.Nodes.JsonNode.Parse(stored)!;
        Assert.Equal((450, 450), ((int)report["read"]!, (int)report["rejected"]!));
        Assert.Equal(200, report["errors"]!.AsArray().Count); // the first 100 of each kind
        Assert.Equal([("UPN", 300), ("Period", 150)],
            report["errorCounts"]!.AsArray().Select(k => ((string)k!["column"]!, (int)k["count"]!)).ToList());
        Assert.Equal(2, (int)report["errors"]![0]!["line"]!);
    }

    /// <summary>Issue 17 defect 13: the audit missed who read an import report.</summary>
    [Fact]
    public async Task Opening_an_import_report_is_recorded_in_the_audit_log()
    {
        app.EnsureAvailable();
        var (jobId, server, client) = await UploadOnThePageAsync("attendance", $"UPN,Period,Possible,Present,Authorised,Unauthorised\n{Upn('S', 1)},2024/25 HT1,70,66,4,0\n");
        await using var _server = server;
        var key = jobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await app.Stored.AuditedAsync(entity: "ImportJob", key: key, action: "Viewed"));

        var page = await client.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/imports/{jobId}");

        Assert.Contains("Not imported", page.Text("[role=status]"), StringComparison.Ordinal);
        var entry = Assert.Single(await app.Stored.AuditEntriesAsync(entity: "ImportJob", key: key, action: "Viewed"));
        Assert.Equal(app.World.Person(World.NorthDataManager).Id, entry.PersonId);
    }

    /// <summary>Issue 17 defect 12: a NUL in a behaviour file's text gave 500 on PostgreSQL and was stored on SQLite.</summary>
    [Fact]
    public async Task A_control_character_in_a_text_cell_refuses_the_line_naming_the_column()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthDataManager);
        async Task<HttpResponseMessage> UploadAsync(string kind, string csv)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            content.Headers.ContentType = new("text/csv");
            return await client.PostAsync($"/api/schools/{World.NorthPrimaryUrn}/imports/{kind}?acceptValid=true&fileName={kind}.csv", content);
        }
        var (first, second) = (Upn('N', 1), Upn('N', 2));
        (await UploadAsync("pupils", $"UPN,Year\n{first},3\n{second},4\n")).EnsureSuccessStatusCode();

        var report = await (await UploadAsync("behaviour", $"UPN,Date,Category,Reference\n{first},2025-01-14,Dis\0ruption,N-1\n{second},2025-01-14,Disruption,N-2\n")).ReadJsonAsync();

        Assert.Equal((2, 1, 1), ((int)report["read"]!, (int)report["accepted"]!, (int)report["rejected"]!));
        var problem = Assert.Single(report["errors"]!.AsArray())!;
        Assert.Equal((2, "Category"), ((int)problem["line"]!, (string)problem["column"]!));
        Assert.Contains("contains a control character", (string)problem["reason"]!, StringComparison.Ordinal);
        Assert.False(await app.Stored.ExistsAsync<Stepwise.Features.SchoolData.BehaviourIncident>(b => b.Reference == "N-1"));
        Assert.True(await app.Stored.ExistsAsync<Stepwise.Features.SchoolData.BehaviourIncident>(b => b.Reference == "N-2"));
    }
}

public sealed class KeepingImportReportsSmallOnSqlite(SqliteApp app) : KeepingImportReportsSmall(app), IClassFixture<SqliteApp>;

public sealed class KeepingImportReportsSmallOnPostgres(PostgresApp app) : KeepingImportReportsSmall(app), IClassFixture<PostgresApp>;
