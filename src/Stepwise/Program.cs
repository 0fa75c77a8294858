using Stepwise.Cli;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Accounts;
using Stepwise.Features.Audit;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.Coaching;
using Stepwise.Features.Demo;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Evidence;
using Stepwise.Features.Frameworks;
using Stepwise.Features.TrustEvaluation;
using Stepwise.Features.Gaps;
using Stepwise.Features.Home;
using Stepwise.Features.Imports;
using Stepwise.Features.Metrics;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.People;
using Stepwise.Features.Practice;
using Stepwise.Features.Plans;
using Stepwise.Features.Pupils;
using Stepwise.Features.Reference;
using Stepwise.Features.Rounds;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.SharedLanguage;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Setup;
using Stepwise.Features.Stages;
using Stepwise.Features.Support;
using Stepwise.Features.Surveys;
using Stepwise.Features.TrustReviews;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;
using Stepwise.Features.Visits;
using Stepwise.Infrastructure;

// `stepwise` is one executable: the web app (`stepwise serve`, the default verb) and the command line.
return await StepwiseCommandLine.RunAsync(args, BuildWebApp);

/// <summary>The web app: every feature registered and mapped by name.</summary>
static WebApplication BuildWebApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        // Settings and the web root travel with the executable; data goes where --data says.
        ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
    });

    builder.Services.AddStepwiseDatabase(builder.Configuration);
    builder.Services.AddStepwiseWeb(builder.Environment);
    builder.Services.AddStepwiseHosting(builder.Configuration);
    builder.Services.AddTextRule();
    builder.Services.AddAccess();
    builder.Services.AddAccounts();
    builder.Services.AddAudit();
    builder.Services.AddHome();
    builder.Services.AddTrusts();
    builder.Services.AddSetup();
    builder.Services.AddSchools();
    builder.Services.AddUnits();
    builder.Services.AddPeople();
    builder.Services.AddPupils();
    builder.Services.AddReference();
    builder.Services.AddSchoolData(builder.Configuration);
    builder.Services.AddImportJobs(builder.Configuration);
    builder.Services.AddSchoolMetrics();
    builder.Services.AddGaps();
    builder.Services.AddBenchmarking();
    builder.Services.AddFrameworks();
    builder.Services.AddSelfEvaluation();
    builder.Services.AddStages();
    builder.Services.AddPlans();
    builder.Services.AddSurveys();
    builder.Services.AddVisits();
    builder.Services.AddEnquiries();
    builder.Services.AddPeerReviews();
    builder.Services.AddSharedLanguage();
    builder.Services.AddCoaching();
    builder.Services.AddRounds();
    builder.Services.AddTrustReviews();
    builder.Services.AddSupport();
    builder.Services.AddPractice();
    builder.Services.AddTrustEvaluation();
    builder.Services.AddDemo();

    var app = builder.Build();

    app.UseStepwisePipeline();
    app.UseImportUploadLimit();
    app.UseTrustScope();
    app.MapStepwiseWeb();
    // Every endpoint's arguments pass the text rule (Common/TextRule.cs) before it runs.
    var api = app.MapCheckedText();
    api.MapTrustsApi();
    api.MapSchoolsApi();
    api.MapUnitsApi();
    api.MapPeopleApi();
    api.MapPupilsApi();
    api.MapReferenceApi();
    api.MapMetrics();
    api.MapGapCharts();
    api.MapSchoolDataApi();
    api.MapBenchmarkingApi();
    api.MapAuditApi();
    api.MapFrameworksApi();
    api.MapSelfEvaluationApi();
    api.MapStagesApi();
    api.MapPlansApi();
    api.MapEvidenceApi();
    api.MapCyclesApi();
    api.MapSurveysApi();
    api.MapSurveyCharts();
    api.MapVisitsApi();
    api.MapEnquiryApi();
    api.MapPeerReviewsApi();
    api.MapTeamsApi();
    api.MapProgrammeApi();
    api.MapRoundsApi();
    api.MapSupportApi();
    api.MapTrustViewApi();
    api.MapSharedLanguageApi();
    api.MapCoachingApi();
    api.MapTrustEvaluationApi();
    api.MapGapsApi();
    api.MapHomeApi();
    api.MapAccountsApi();
    api.MapPracticeApi();
    api.MapTrustReviewsApi();
    return app;
}

/// <summary>Visible to the test project's WebApplicationFactory.</summary>
public partial class Program;
