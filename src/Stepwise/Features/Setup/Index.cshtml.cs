using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Accounts;
using Stepwise.Features.People;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Setup;

/// <summary>
/// The first-run page, while the database has no trust: with the setup code from the console, create the trust and
/// its first administrator, who is then signed in. Once there is a trust the page only says so.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsFeature.SignInRateLimit)]
public sealed class IndexModel(FirstRun firstRun, CreateTrust createTrust, TrustScope scope, SignInManager<Person> signIn, SignInLog log) : PageModel
{
    public bool AlreadySetUp { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? SetupCode { get; set; }
        public string? Name { get; set; }
        public string? GiasGroupUid { get; set; }
        public string? AdminName { get; set; }
        public string? AdminEmail { get; set; }
        public string? AdminPassword { get; set; }
        public string? Confirm { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => AlreadySetUp = await firstRun.HasTrustAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        scope.ActAsSystem("first-run setup");
        AlreadySetUp = await firstRun.HasTrustAsync(ct);
        if (AlreadySetUp)
        {
            return Page();
        }
        var trust = new NewTrustInput
        {
            Name = Input.Name, GiasGroupUid = Input.GiasGroupUid, AdminName = Input.AdminName, AdminEmail = Input.AdminEmail,
            AdminPassword = string.IsNullOrEmpty(Input.AdminPassword) ? null : Input.AdminPassword,
        };
        var problems = await createTrust.CheckAsync(trust, ct);
        if (await firstRun.ProblemWithAsync(Input.SetupCode, ct) is string codeProblem)
        {
            problems.Add("setupCode", codeProblem);
        }
        if (string.IsNullOrEmpty(Input.AdminPassword))
        {
            problems.Add("adminPassword", "Choose a password for your account.");
        }
        else if (Input.AdminPassword != Input.Confirm)
        {
            problems.Add("confirm", "The two passwords do not match.");
        }
        if (problems.Any)
        {
            ModelState.AddOutcomeErrors(problems.ToDictionary());
            return Page();
        }
        if (!await firstRun.ConsumeAsync(Input.SetupCode!, ct))
        {
            ModelState.AddModelError("Input.SetupCode", "That setup code has just been used or has expired.");
            return Page();
        }
        var outcome = await createTrust.HandleAsync(trust, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            ModelState.AddOutcomeErrors(outcome.Errors);
            return Page();
        }
        var admin = await signIn.UserManager.FindByIdAsync(outcome.Value!.AdministratorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await signIn.SignInAsync(admin!, isPersistent: false);
        await log.RecordAsync(admin!, SignInLog.SignedIn, "With the password they chose on the first-run page.");
        return this.Done($"{outcome.Value.Name} is set up and you are signed in as its administrator. Next, add your schools by their URN.", "/schools/new");
    }
}
