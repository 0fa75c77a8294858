using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Access;

/// <summary>
/// Issue 18: the menu showed pages that then refused the person (Surveys for teachers, data managers and reviewers)
/// and the national data page to governors and teachers. Every menu link now answers the person who sees it.
/// </summary>
public abstract class TheMenuByRole(StepwiseApp app)
{
    private static readonly string[] Everyone =
        [World.NorthAdmin, World.NorthLeader, World.NorthDataManager, World.PrimaryHead, World.PrimaryTeacher, World.PrimaryGovernor, World.PrimaryReviewer];

    private async Task<List<string>> MenuOfAsync(HttpClient client) =>
        (await client.GetPageAsync("/")).QuerySelectorAll("nav.mainnav a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Every_link_in_each_roles_menu_opens_for_that_person()
    {
        app.EnsureAvailable();
        var failures = new List<string>();
        foreach (var email in Everyone)
        {
            var client = await app.SignInAsync(email);
            var menu = await MenuOfAsync(client);
            Assert.True(menu.Count >= 5, $"{email} has only {menu.Count} menu links: {string.Join(", ", menu)}");
            foreach (var href in menu)
            {
                var response = await client.GetAsync(href);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{email}: {href} answered {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Teachers_data_managers_and_reviewers_are_not_offered_surveys_and_governors_and_teachers_not_the_national_data_page()
    {
        app.EnsureAvailable();
        foreach (var email in new[] { World.PrimaryTeacher, World.NorthDataManager, World.PrimaryReviewer })
        {
            Assert.DoesNotContain("/surveys", await MenuOfAsync(await app.ClientForAsync(email)));
        }
        foreach (var email in new[] { World.PrimaryGovernor, World.PrimaryTeacher, World.PrimaryReviewer })
        {
            Assert.DoesNotContain("/imports", await MenuOfAsync(await app.ClientForAsync(email)));
        }
        Assert.Contains("/surveys", await MenuOfAsync(await app.ClientForAsync(World.PrimaryGovernor)));
        var dataManager = await MenuOfAsync(await app.ClientForAsync(World.NorthDataManager));
        Assert.Contains("/imports", dataManager);
        Assert.Contains("/people", dataManager);
    }
}

public sealed class TheMenuByRoleOnSqlite(SqliteApp app) : TheMenuByRole(app), IClassFixture<SqliteApp>;

public sealed class TheMenuByRoleOnPostgres(PostgresApp app) : TheMenuByRole(app), IClassFixture<PostgresApp>;
