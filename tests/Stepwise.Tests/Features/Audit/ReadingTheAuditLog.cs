using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Audit;

public sealed class ReadingTheAuditLog(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Adding_a_person_records_who_did_it_with_real_ids_and_never_the_password()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var created = await (await admin.PostJsonAsync("/api/people", new
        {
            email = "audit.me@northstar.example", name = "Audit Me", role = "teacher", school = $"{World.NorthPrimaryUrn}", password = "a password nobody should see",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var personId = created["person"]!["id"]!.GetValue<int>();

        var entries = await app.Stored.AuditEntriesAsync(actor: World.NorthAdmin, action: "Created");
        var person = Assert.Single(entries, e => e.Entity == "Person" && e.EntityKey == $"{personId}");
        Assert.Contains("DisplayName: \"Audit Me\"", person.Summary, StringComparison.Ordinal);
        Assert.Contains("PasswordHash: (changed)", person.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody should see", person.Summary, StringComparison.Ordinal);
        var membership = Assert.Single(entries, e => e.Entity == "Membership" && e.Summary.Contains($"PersonId: {personId}", StringComparison.Ordinal));
        Assert.Contains("Role: Teacher", membership.Summary, StringComparison.Ordinal);
        Assert.Equal(app.World.North.Id, membership.TrustId);
    }

    [Fact]
    public async Task An_edit_records_the_old_and_new_values()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var unit = app.World.Units["primary-year6"];
        await (await head.PutJsonAsync($"/api/units/{unit.Id}", new { name = "Year 6 (upper key stage 2)", kind = "year-group" })).ReadJsonAsync();
        var entry = Assert.Single(await app.Stored.AuditEntriesAsync(entity: "Unit", key: $"{unit.Id}", action: "Updated"));
        Assert.Equal("Name: \"Year 6\" → \"Year 6 (upper key stage 2)\"", entry.Summary);
        Assert.Equal(World.PrimaryHead, entry.Actor);
    }

    [Fact]
    public async Task Another_trusts_administrator_sees_none_of_this_trusts_entries()
    {
        var harbour = await app.ClientForAsync(World.HarbourAdmin);
        var entries = (await (await harbour.GetAsync("/api/audit")).ReadJsonAsync())["entries"]!.AsArray();
        Assert.DoesNotContain(entries, e => e!["actor"]!.GetValue<string>().Contains("northstar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_log_page_shows_trust_admins_who_changed_what()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        await admin.PostJsonAsync("/api/schools", new { urn = "990170", name = "Audited School", phase = "primary" });
        var page = await admin.GetPageAsync("/audit?entity=School");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Audited School", StringComparison.Ordinal) && r.Contains(World.NorthAdmin, StringComparison.Ordinal));
        var head = await app.ClientForAsync(World.PrimaryHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/audit")).StatusCode);
    }
}
