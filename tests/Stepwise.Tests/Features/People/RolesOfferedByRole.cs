using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.People;

/// <summary>Issue 18: the role forms offer only the roles saving would accept from the person filling them in.</summary>
public sealed class RolesOfferedByRole(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_school_leader_is_offered_only_the_roles_they_may_give_and_nobody_is_offered_service_administrator()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        foreach (var url in new[] { "/people/new", $"/people/{app.World.Person(World.PrimaryTeacher).Id}" })
        {
            var offered = await RolesAsync(head, url);
            Assert.Equal(["school-leader", "teacher", "governor", "reviewer", "data-manager"], offered);
        }

        var admin = await app.ClientForAsync(World.NorthAdmin);
        var all = await RolesAsync(admin, "/people/new");
        Assert.Contains("trust-admin", all);
        Assert.Contains("trust-leader", all);
        Assert.DoesNotContain("service-admin", all);
    }

    private static async Task<List<string>> RolesAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("select[name='Input.Role'] option")
            .Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
}
