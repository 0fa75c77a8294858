using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Accounts;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.Coaching;
using Stepwise.Features.Demo;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Gaps;
using Stepwise.Features.Metrics;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.Practice;
using Stepwise.Features.TrustEvaluation;
using Stepwise.Features.People;
using Stepwise.Features.Plans;
using Stepwise.Features.Reference;
using Stepwise.Features.Rounds;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.SharedLanguage;
using Stepwise.Features.Stages;
using Stepwise.Features.Support;
using Stepwise.Features.TrustReviews;
using Stepwise.Features.Trusts;

namespace Stepwise.Cli;

/// <summary>
/// The services a command needs, configured exactly as the web app's (appsettings, environment variables,
/// <c>--data</c>), acting as the system: the command line is run by whoever runs the server.
/// </summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(string? dataDirectory, string actor, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (dataDirectory is not null)
        {
            builder.Configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataDirectory)}"] = dataDirectory;
        }
        builder.Services.AddStepwiseDatabase(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAccess();
        builder.Services.AddAccounts();
        builder.Services.AddTrusts();
        builder.Services.AddSchools();
        builder.Services.AddPeople();
        builder.Services.AddDemo();
        builder.Services.AddReference();
        builder.Services.AddSchoolData(builder.Configuration);
        builder.Services.AddBenchmarking();
        // The demo loads the improvement loop, and the trust overview reads it.
        builder.Services.AddFrameworks();
        builder.Services.AddSelfEvaluation();
        builder.Services.AddPlans();
        builder.Services.AddEnquiries();
        builder.Services.AddSharedLanguage();
        builder.Services.AddRounds();
        builder.Services.AddPeerReviews();
        builder.Services.AddCoaching();
        builder.Services.AddPractice();
        // The trust overview and the demo read risk ratings, tiers and the give/receive balance (issue 22): a rating reads
        // the key measures, the disadvantage gap, self-evaluation and stages.
        builder.Services.AddGaps();
        builder.Services.AddSchoolMetrics();
        builder.Services.AddStages();
        builder.Services.AddTrustReviews();
        builder.Services.AddSupport();
        builder.Services.AddTrustEvaluation();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem(actor);
        return await work(scope.ServiceProvider, ct);
    }
}
