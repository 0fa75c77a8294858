using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Schools;

/// <summary>A URN is unique within a trust, and a trust's name unique to no one: neither tells one trust about another.</summary>
public abstract class UrnsAndTrustNamesWithinATrust(StepwiseApp app)
{
    /// <summary>
    /// Issue 17 defect 13: URNs were unique across trusts, so another trust learned a URN was in use and could claim a
    /// real school's URN first. After the Issue17TenantUniqueness migration, Harbour adds a school with North Star's
    /// URN; North Star's schools are untouched and its own duplicate is refused without naming any other trust.
    /// </summary>
    [Fact]
    public async Task Another_trust_may_add_a_school_with_the_same_urn_and_a_duplicate_within_a_trust_names_only_that_trust()
    {
        app.EnsureAvailable();
        var harbour = await app.ClientForAsync(World.HarbourAdmin);
        var created = await harbour.PostJsonAsync("/api/schools", new { urn = $"{World.NorthSecondaryUrn}", name = "Harbour Secondary", phase = "secondary" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Northgate Academy", (await (await (await app.ClientForAsync(World.NorthAdmin)).GetAsync($"/api/schools/{World.NorthSecondaryUrn}")).ReadJsonAsync())["school"]!["name"]!.GetValue<string>());
        Assert.Equal("Harbour Secondary", (await (await harbour.GetAsync($"/api/schools/{World.NorthSecondaryUrn}")).ReadJsonAsync())["school"]!["name"]!.GetValue<string>());
        Assert.Equal(2, await app.QueryAsync(db => db.Schools.CountAsync(s => s.Urn == World.NorthSecondaryUrn)));

        var again = await harbour.PostJsonAsync("/api/schools", new { urn = $"{World.NorthSecondaryUrn}", name = "Harbour Secondary Again", phase = "secondary" });
        var problem = await again.ReadJsonAsync(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["urn"]![0]!.GetValue<string>();
        Assert.Contains("your trust", message, StringComparison.Ordinal);

        var north = await app.ClientForAsync(World.NorthAdmin);
        var unused = await north.PostJsonAsync("/api/schools", new { urn = $"{World.HarbourUrn}", name = "Northgate Infants", phase = "primary" });
        Assert.Equal(HttpStatusCode.Created, unused.StatusCode);
    }

    /// <summary>
    /// Issue 17 defect 13: renaming a trust to another trust's name was refused with "Another trust is already called…",
    /// which told it that trust exists. The rename is accepted; each trust sees its own name.
    /// </summary>
    [Fact]
    public async Task A_trust_may_take_a_name_another_trust_has_without_learning_that_it_exists()
    {
        app.EnsureAvailable();
        var harbour = await app.ClientForAsync(World.HarbourAdmin);
        var renamed = await harbour.PutJsonAsync("/api/trust", new { name = "North Star Learning Trust" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.Trusts.CountAsync(t => t.Name == "North Star Learning Trust")));
        var back = await harbour.PutJsonAsync("/api/trust", new { name = "Harbour Schools Trust" });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}

public sealed class UrnsAndTrustNamesWithinATrustOnSqlite(SqliteApp app) : UrnsAndTrustNamesWithinATrust(app), IClassFixture<SqliteApp>;

public sealed class UrnsAndTrustNamesWithinATrustOnPostgres(PostgresApp app) : UrnsAndTrustNamesWithinATrust(app), IClassFixture<PostgresApp>;
