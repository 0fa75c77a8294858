using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Accounts;
using Stepwise.Features.Demo;
using Stepwise.Features.Surveys;

namespace Stepwise.Features.Shared;

/// <summary>
/// What the page header needs: the trust, the person, the schools they can switch between, the menu, and whether
/// the demo is still loading. The menu is decided here, once, from the permission checks the pages themselves make:
/// it holds only the pages the person may open.
/// </summary>
public sealed class Chrome(AppDbContext db, AccessControl access, SurveyAccess surveys, TrustScope scope, IHttpContextAccessor http, DemoLoading demo)
{
    public sealed record SchoolLink(int Urn, string Name);

    /// <summary>A menu item: its title, where it goes, and the paths under which it is the current item.</summary>
    public sealed record MenuItem(string Title, string Href, params string[] CurrentUnder);

    public sealed record Info(bool SignedIn, string? TrustName, string? PersonName, List<SchoolLink> Schools, List<MenuItem> Menu, DemoLoading.State? Demo);

    public async Task<Info> LoadAsync()
    {
        if (scope.PersonId is null || scope.TrustId is not int trustId)
        {
            return new Info(false, null, null, [], [], demo.Current);
        }
        var trustName = await db.Trusts.Where(t => t.Id == trustId).Select(t => t.Name).FirstOrDefaultAsync();
        var schools = await (await access.SchoolsAsync()).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name)
            .Select(s => new SchoolLink(s.Urn, s.Name)).ToListAsync();
        var name = http.HttpContext?.User.FindFirst(StepwiseClaimsFactory.DisplayNameClaim)?.Value ?? scope.Actor;
        return new Info(true, trustName, name, schools, await MenuAsync(), demo.Current);
    }

    /// <summary>The menu for the signed-in person: every page on it answers them (the test follows each link as each role).</summary>
    public async Task<List<MenuItem>> MenuAsync(CancellationToken ct = default)
    {
        async Task<bool> Somewhere(Permission permission) => await access.SchoolIdsAsync(permission, ct) is null or { Count: > 0 };
        var createsTrusts = await access.CanAcrossTrustAsync(Permission.CreateTrusts, ct);
        if (createsTrusts && !await Somewhere(Permission.ViewSchool))
        {
            // A service administrator creates trusts and sees nothing inside any trust.
            return [new("New trust", "/trusts/new")];
        }
        var menu = new List<MenuItem>
        {
            new("Overview", "/"),
            new("Schools", "/schools"),
            new("Stages", "/stages"),
            new("Frameworks", "/frameworks"),
            new("Benchmarking", "/trust/overview", "/trust/overview", "/benchmarking"),
            new("Enquiries", "/enquiries", "/enquiries", "/teams"),
            new("Shared language", "/language", "/language", "/improvement-model"),
            new("Rounds", "/rounds"),
            new("Peer reviews", "/peer-reviews"),
            new("Coaching", "/coaching"),
        };
        // Trust reviews and support between schools (issue 22): the calendar for those who see reviews, support for those
        // who raise or broker it, the practice library for everyone who may search it (a teacher's membership may be a unit's).
        if (await Somewhere(Permission.ViewReviews))
        {
            menu.Add(new("Reviews", "/reviews", "/reviews"));
        }
        if (await Somewhere(Permission.RaiseSupportNeeds))
        {
            menu.Add(new("Support", "/support"));
        }
        if (await access.CanAnywhereAsync(Permission.ViewPracticeLibrary, ct))
        {
            menu.Add(new("Practice library", "/practice"));
        }
        // Where the national figures came from, and importing them: for those who keep a school's data, not for
        // governors, teachers and reviewers (the page itself stays readable: the figures are public).
        if (await Somewhere(Permission.EditSchool))
        {
            menu.Add(new("National data", "/imports"));
        }
        if (await surveys.MayOpenListAsync(ct))
        {
            menu.Add(new("Surveys", "/surveys"));
        }
        if (await Somewhere(Permission.ManagePeople))
        {
            menu.Add(new("People", "/people"));
        }
        if (await access.CanAcrossTrustAsync(Permission.ViewAudit, ct))
        {
            menu.Add(new("Audit log", "/audit"));
        }
        if (createsTrusts)
        {
            menu.Add(new("New trust", "/trusts/new"));
        }
        return menu;
    }
}
