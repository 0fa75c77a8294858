using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Trusts;

public sealed class KeepingTheTrustsDetails(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Everyone_in_the_trust_sees_its_details_but_only_its_administrator_changes_them()
    {
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        Assert.Equal("North Star Learning Trust", (await (await teacher.GetAsync("/api/trust")).ReadJsonAsync())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryHead)).PutJsonAsync("/api/trust", new { name = "Mine Now" })).StatusCode);

        var admin = await app.ClientForAsync(World.NorthAdmin);
        // Another trust's name is not refused (issue 17 defect 13: that told the trust the other exists), so the
        // form's other mistake is the only one: see UrnsAndTrustNamesWithinATrust.
        var problem = await (await admin.PutJsonAsync("/api/trust", new { name = "Harbour Schools Trust", companyNumber = "12-34" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Null(problem["errors"]!["name"]);
        Assert.Contains("8 letters or digits", problem["errors"]!["companyNumber"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var saved = await (await admin.PutJsonAsync("/api/trust", new { name = "North Star Learning Trust", companyNumber = "07654321" })).ReadJsonAsync();
        Assert.Equal("07654321", saved["companyNumber"]!.GetValue<string>());
        Assert.True(await app.Stored.AuditedAsync(entity: "Trust", summaryContains: "07654321"));
    }
}
