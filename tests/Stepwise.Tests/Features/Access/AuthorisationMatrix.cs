using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Access;

/// <summary>
/// Calls every endpoint and page the app maps — found by enumerating the app's own route table, so a new
/// endpoint is covered the day it is added — as a person of another school of the same trust and as a person
/// of another trust, with real ids, and expects 404 or 403. An endpoint whose route has an id the matrix does not
/// know, or a public endpoint not on the list below, fails the test until the matrix is taught about it.
/// </summary>
public sealed partial class AuthorisationMatrix(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Pages and endpoints anyone may reach without signing in.</summary>
    private static readonly HashSet<string> Public =
    [
        "/health", "/openapi/{documentName}.json", "/sign-in", "/sign-in/code", "/sign-out", "/error", "/access-denied",
        "/s/{token}", "/s/{token}/thanks", "/you-said-we-did/{urn:int}", "/api/you-said-we-did/{urn:int}",
        // The first-run page (behind its one-time setup code, and only while there is no trust) and invitation links.
        "/setup", "/invitations/{token}",
    ];

    /// <summary>
    /// Public national data (DfE figures for every school in England, and the similar schools and positions computed
    /// from them): any signed-in user may read it. API endpoints here must be marked [NationalData].
    /// </summary>
    private static readonly string[] NationalData = ["/api/reference/", "/api/benchmarking/comparators/", "/api/benchmarking/positions/", "/benchmarking/schools/"];

    private static bool IsNational(string pattern) => NationalData.Any(n => pattern.StartsWith(n, StringComparison.Ordinal));

    /// <summary>
    /// Reads of the whole trust that name its other schools on purpose: the practice library names the school to ask
    /// (ADR 0092). Another trust's names must still never appear in them.
    /// </summary>
    private static readonly string[] TrustWide = ["/api/practice", "/practice"];

    /// <summary>Whether the name belongs to the caller's own trust (North Star's schools and people, for North Star's callers).</summary>
    private static bool SameTrust(string email, string name) =>
        email.EndsWith("northstar.example", StringComparison.Ordinal) && (name.StartsWith("North", StringComparison.Ordinal) || name.EndsWith("northstar.example", StringComparison.Ordinal));

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    private sealed record Target(string Method, string Pattern, string? Handler);

    [Fact]
    public async Task Every_endpoint_refuses_records_of_another_school_and_of_another_trust()
    {
        var targets = await EnumerateAsync();
        Assert.True(targets.Count > 30, $"Only {targets.Count} endpoints found: the enumeration is broken.");

        var w = app.World;
        var loop = await ImprovementLoopRecords.SeedAsync(app);
        var surveys = await Stepwise.Tests.Features.Surveys.SurveyJourney.SeedForMatrixAsync(app);
        var cycles = await Stepwise.Tests.Features.Enquiries.CycleSeed.ForMatrixAsync(app);
        // The shared language belongs to the whole trust: the only version this person may not see is another trust's.
        var (northLanguage, harbourLanguage) = (await Stepwise.Tests.Features.SharedLanguage.LanguageSeed.PublishedAsync(app),
            await Stepwise.Tests.Features.SharedLanguage.LanguageSeed.PublishedAsync(app, w.Harbour.Id));
        var peerReviews = await Stepwise.Tests.Features.PeerReviews.PeerReviewsForMatrix.SeedAsync(app);
        var rounds = await Stepwise.Tests.Features.Rounds.RoundSeed.ForMatrixAsync(app);
        // Coaching pairs: a pair's content answers 404 to everyone but its teacher and coach (ADR 0088).
        var coaching = await Stepwise.Tests.Features.Coaching.CoachingSeed.ForMatrixAsync(app);
        // Support: a need, a network and an episode received per school; the same trust's involve no school of the primary's head.
        var support = await Stepwise.Tests.Features.Support.SupportForMatrix.SeedAsync(app);
        var schoolReviews = await Stepwise.Tests.Features.TrustReviews.ReviewsForMatrix.SeedAsync(app);
        var sameTrust = new Dictionary<string, string>
        {
            ["surveyId"] = $"{surveys[World.NorthSecondaryUrn].SurveyId}",
            ["visitId"] = $"{surveys[World.NorthSecondaryUrn].VisitId}",
            ["entryId"] = $"{surveys[World.NorthSecondaryUrn].EntryId}",
            ["questionId"] = $"{surveys[World.NorthSecondaryUrn].QuestionId}",
            ["urn"] = $"{World.NorthSecondaryUrn}",
            ["unitId"] = $"{w.Units["secondary-maths"].Id}",
            ["personId"] = $"{w.Person(World.SecondaryHead).Id}",
            ["membershipId"] = $"{w.Person(World.SecondaryHead).Memberships[0].Id}",
            ["pupilKey"] = w.PupilKeys[World.NorthSecondaryUrn][0],
            ["metric"] = "attendance.overall-absence",
            ["kind"] = "attendance",
            ["jobId"] = "1",
            // Frameworks belong to the whole trust: the only one this person may not see is another trust's.
            ["frameworkId"] = $"{loop.Harbour.FrameworkId}",
            ["number"] = "1",
            ["areaId"] = $"{loop.North.AreaId}",
            ["planId"] = $"{loop.NorthSecondary.PlanId}",
            ["priorityId"] = $"{loop.NorthSecondary.PriorityId}",
            ["actionId"] = $"{loop.NorthSecondary.ActionId}",
            ["judgementId"] = $"{loop.NorthSecondary.JudgementId}",
            ["evidenceId"] = $"{loop.NorthSecondary.EvidenceId}",
            ["teamId"] = $"{cycles[World.NorthSecondaryUrn].TeamId}",
            ["enquiryId"] = $"{cycles[World.NorthSecondaryUrn].EnquiryId}",
            ["nodeId"] = $"{cycles[World.NorthSecondaryUrn].NodeId}",
            ["measureId"] = $"{cycles[World.NorthSecondaryUrn].MeasureId}",
            ["valueId"] = $"{cycles[World.NorthSecondaryUrn].ValueId}",
            ["cycleId"] = $"{cycles[World.NorthSecondaryUrn].CycleId}",
            ["versionId"] = $"{harbourLanguage.VersionId}",
            ["itemId"] = $"{harbourLanguage.LookFors.Values.First()}",
            ["reviewId"] = $"{peerReviews[World.NorthSecondaryUrn]}",
            ["roundId"] = $"{rounds[World.NorthSecondaryUrn].RoundId}",
            ["patternId"] = $"{rounds[World.NorthSecondaryUrn].PatternId}",
            ["pairId"] = $"{coaching[World.NorthSecondaryUrn].PairId}",
            ["stepId"] = $"{coaching[World.NorthSecondaryUrn].StepId}",
            ["noteId"] = $"{coaching[World.NorthSecondaryUrn].NoteId}",
            // A practice-library entry: the school's matrix cycle as a change idea (tagging it is its school's, or the trust's).
            ["source"] = "change-idea",
            ["entryId"] = $"{cycles[World.NorthSecondaryUrn].CycleId}",
            ["needId"] = $"{support[World.NorthSecondaryUrn].NeedId}",
            ["episodeId"] = $"{support[World.NorthSecondaryUrn].EpisodeId}",
            ["networkId"] = $"{support[World.NorthSecondaryUrn].NetworkId}",
            ["schoolReviewId"] = $"{schoolReviews[World.NorthSecondaryUrn]}",
        };
        var otherTrust = new Dictionary<string, string>
        {
            ["surveyId"] = $"{surveys[World.HarbourUrn].SurveyId}",
            ["visitId"] = $"{surveys[World.HarbourUrn].VisitId}",
            ["entryId"] = $"{surveys[World.HarbourUrn].EntryId}",
            ["questionId"] = $"{surveys[World.HarbourUrn].QuestionId}",
            ["urn"] = $"{World.HarbourUrn}",
            ["unitId"] = $"{w.Units["harbour-send"].Id}",
            ["personId"] = $"{w.Person(World.HarbourHead).Id}",
            ["membershipId"] = $"{w.Person(World.HarbourHead).Memberships[0].Id}",
            ["pupilKey"] = w.PupilKeys[World.HarbourUrn][0],
            ["metric"] = "attendance.overall-absence",
            ["kind"] = "attendance",
            ["jobId"] = "1",
            ["frameworkId"] = $"{loop.Harbour.FrameworkId}",
            ["number"] = "1",
            ["areaId"] = $"{loop.Harbour.AreaId}",
            ["planId"] = $"{loop.HarbourSchool.PlanId}",
            ["priorityId"] = $"{loop.HarbourSchool.PriorityId}",
            ["actionId"] = $"{loop.HarbourSchool.ActionId}",
            ["judgementId"] = $"{loop.HarbourSchool.JudgementId}",
            ["evidenceId"] = $"{loop.HarbourSchool.EvidenceId}",
            ["teamId"] = $"{cycles[World.HarbourUrn].TeamId}",
            ["enquiryId"] = $"{cycles[World.HarbourUrn].EnquiryId}",
            ["nodeId"] = $"{cycles[World.HarbourUrn].NodeId}",
            ["measureId"] = $"{cycles[World.HarbourUrn].MeasureId}",
            ["valueId"] = $"{cycles[World.HarbourUrn].ValueId}",
            ["cycleId"] = $"{cycles[World.HarbourUrn].CycleId}",
            ["versionId"] = $"{harbourLanguage.VersionId}",
            ["itemId"] = $"{harbourLanguage.LookFors.Values.First()}",
            ["reviewId"] = $"{peerReviews[World.HarbourUrn]}",
            ["roundId"] = $"{rounds[World.HarbourUrn].RoundId}",
            ["patternId"] = $"{rounds[World.HarbourUrn].PatternId}",
            ["pairId"] = $"{coaching[World.HarbourUrn].PairId}",
            ["stepId"] = $"{coaching[World.HarbourUrn].StepId}",
            ["noteId"] = $"{coaching[World.HarbourUrn].NoteId}",
            // A practice-library entry: the school's matrix cycle as a change idea (tagging it is its school's, or the trust's).
            ["source"] = "change-idea",
            ["entryId"] = $"{cycles[World.HarbourUrn].CycleId}",
            ["needId"] = $"{support[World.HarbourUrn].NeedId}",
            ["episodeId"] = $"{support[World.HarbourUrn].EpisodeId}",
            ["networkId"] = $"{support[World.HarbourUrn].NetworkId}",
            ["schoolReviewId"] = $"{schoolReviews[World.HarbourUrn]}",
        };
        var northTargets = new Dictionary<string, string>
        {
            ["surveyId"] = $"{surveys[World.NorthPrimaryUrn].SurveyId}",
            ["visitId"] = $"{surveys[World.NorthPrimaryUrn].VisitId}",
            ["entryId"] = $"{surveys[World.NorthPrimaryUrn].EntryId}",
            ["questionId"] = $"{surveys[World.NorthPrimaryUrn].QuestionId}",
            ["urn"] = $"{World.NorthPrimaryUrn}",
            ["unitId"] = $"{w.Units["primary-year6"].Id}",
            ["personId"] = $"{w.Person(World.PrimaryTeacher).Id}",
            ["membershipId"] = $"{w.Person(World.PrimaryTeacher).Memberships[0].Id}",
            ["pupilKey"] = w.PupilKeys[World.NorthPrimaryUrn][0],
            ["metric"] = "attendance.overall-absence",
            ["kind"] = "attendance",
            ["jobId"] = "1",
            ["frameworkId"] = $"{loop.North.FrameworkId}",
            ["number"] = "1",
            ["areaId"] = $"{loop.North.AreaId}",
            ["planId"] = $"{loop.NorthPrimary.PlanId}",
            ["priorityId"] = $"{loop.NorthPrimary.PriorityId}",
            ["actionId"] = $"{loop.NorthPrimary.ActionId}",
            ["judgementId"] = $"{loop.NorthPrimary.JudgementId}",
            ["evidenceId"] = $"{loop.NorthPrimary.EvidenceId}",
            ["teamId"] = $"{cycles[World.NorthPrimaryUrn].TeamId}",
            ["enquiryId"] = $"{cycles[World.NorthPrimaryUrn].EnquiryId}",
            ["nodeId"] = $"{cycles[World.NorthPrimaryUrn].NodeId}",
            ["measureId"] = $"{cycles[World.NorthPrimaryUrn].MeasureId}",
            ["valueId"] = $"{cycles[World.NorthPrimaryUrn].ValueId}",
            ["cycleId"] = $"{cycles[World.NorthPrimaryUrn].CycleId}",
            ["versionId"] = $"{northLanguage.VersionId}",
            ["itemId"] = $"{northLanguage.LookFors.Values.First()}",
            ["reviewId"] = $"{peerReviews[World.NorthPrimaryUrn]}",
            ["roundId"] = $"{rounds[World.NorthPrimaryUrn].RoundId}",
            ["patternId"] = $"{rounds[World.NorthPrimaryUrn].PatternId}",
            ["pairId"] = $"{coaching[World.NorthPrimaryUrn].PairId}",
            ["stepId"] = $"{coaching[World.NorthPrimaryUrn].StepId}",
            ["noteId"] = $"{coaching[World.NorthPrimaryUrn].NoteId}",
            // A practice-library entry: the school's matrix cycle as a change idea (tagging it is its school's, or the trust's).
            ["source"] = "change-idea",
            ["entryId"] = $"{cycles[World.NorthPrimaryUrn].CycleId}",
            ["needId"] = $"{support[World.NorthPrimaryUrn].NeedId}",
            ["episodeId"] = $"{support[World.NorthPrimaryUrn].EpisodeId}",
            ["networkId"] = $"{support[World.NorthPrimaryUrn].NetworkId}",
            ["schoolReviewId"] = $"{schoolReviews[World.NorthPrimaryUrn]}",
        };

        var failures = new List<string>();
        await CheckAsync(World.PrimaryHead, sameTrust, ["Northgate Academy", "Harbour", World.SecondaryHead], targets, failures);
        await CheckAsync(World.PrimaryHead, otherTrust, ["Northgate Academy", "Harbour", World.SecondaryHead], targets, failures);
        await CheckAsync(World.HarbourAdmin, northTargets, ["Northgate", "North Star", World.PrimaryTeacher], targets, failures);
        Assert.True(failures.Count == 0, $"{failures.Count} endpoint(s) leaked or failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_endpoint_needs_a_signed_in_user_unless_it_is_on_the_public_list()
    {
        var targets = await EnumerateAsync();
        var client = app.Anonymous();
        var failures = new List<string>();
        foreach (var target in targets.Where(t => !Public.Contains(t.Pattern)))
        {
            var url = Parameter().Replace(target.Pattern, m => m.Groups["name"].Value switch
            {
                "urn" => $"{World.NorthPrimaryUrn}",
                _ => "1",
            });
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url));
            var ok = response.StatusCode is HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/sign-in", StringComparison.Ordinal))
                || (target.Method == "POST" && response.StatusCode == HttpStatusCode.BadRequest && !url.StartsWith("/api", StringComparison.Ordinal));
            if (!ok)
            {
                failures.Add($"{target.Method} {url} answered {(int)response.StatusCode} to an anonymous caller");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Everyone of North Star with a role at Northgate Primary (or across the trust).</summary>
    private static readonly string[] NorthRoles =
        [World.NorthAdmin, World.NorthLeader, World.NorthDataManager, World.PrimaryHead, World.PrimaryTeacher, World.PrimaryGovernor, World.PrimaryReviewer];

    /// <summary>
    /// The endpoints added for surveys, visits, "you said, we did", gaps, the school at a glance, home and the account, each beside the page it
    /// mirrors, with the people of Northgate Primary who may read it: every one of them reads both or neither.
    /// Governors and reviewers never see pupil-level records: no pupil key appears in anything they may read.
    /// </summary>
    [Fact]
    public async Task Each_role_may_read_an_endpoint_exactly_when_it_may_read_the_page_it_mirrors()
    {
        var seeded = (await Stepwise.Tests.Features.Surveys.SurveyJourney.SeedForMatrixAsync(app))[World.NorthPrimaryUrn];
        var team = (await Stepwise.Tests.Features.Enquiries.TeamsForMatrix.SeedAsync(app))[World.NorthPrimaryUrn];
        const int urn = World.NorthPrimaryUrn;
        var matrix = (await Stepwise.Tests.Features.Enquiries.CycleSeed.ForMatrixAsync(app))[urn];
        var (enquiryId, cycleId) = (matrix.EnquiryId, matrix.CycleId);
        var review = (await Stepwise.Tests.Features.PeerReviews.PeerReviewsForMatrix.SeedAsync(app))[urn];
        var round = (await Stepwise.Tests.Features.Rounds.RoundSeed.ForMatrixAsync(app))[urn].RoundId;
        await ImprovementLoopRecords.SeedAsync(app);
        var support = (await Stepwise.Tests.Features.Support.SupportForMatrix.SeedAsync(app))[urn];
        var schoolReview = (await Stepwise.Tests.Features.TrustReviews.ReviewsForMatrix.SeedAsync(app))[urn];
        string[] everyone = NorthRoles;
        string[] readResults = [World.NorthAdmin, World.NorthLeader, World.PrimaryHead, World.PrimaryGovernor];
        string[] manageSurveys = [World.NorthAdmin, World.NorthLeader, World.PrimaryHead];
        string[] manageTrustWide = [World.NorthAdmin, World.NorthLeader];
        (string Api, string Page, string[] May)[] table =
        [
            ($"/api/schools/{urn}/gaps", $"/schools/{urn}/gaps", everyone),
            ($"/api/schools/{urn}/at-a-glance", $"/schools/{urn}", everyone),
            ($"/api/schools/{urn}/visits", $"/schools/{urn}/visits", readResults),
            ($"/api/visits/{seeded.VisitId}", $"/visits/{seeded.VisitId}", readResults),
            ("/api/surveys", "/surveys", readResults),
            ($"/api/surveys/{seeded.SurveyId}", $"/surveys/{seeded.SurveyId}", readResults),
            ($"/api/surveys/{seeded.SurveyId}/results", $"/surveys/{seeded.SurveyId}/results", readResults),
            ("/api/surveys/settings", "/surveys/settings", manageTrustWide),
            ($"/api/schools/{urn}/you-said-we-did", $"/schools/{urn}/you-said-we-did", manageSurveys),
            ($"/api/you-said-we-did/{urn}", $"/you-said-we-did/{urn}", everyone),
            ("/api/home", "/", everyone),
            ("/api/account", "/account", everyone),
            ($"/api/enquiries/{enquiryId}/cycles/{cycleId}", $"/enquiries/{enquiryId}/cycles/{cycleId}", everyone),
            // Learning teams and the whole-school programme: whoever may see the school reads them (governors and reviewers the summaries).
            ("/api/teams", "/teams", everyone),
            ($"/api/teams/{team}", $"/teams/{team}", everyone),
            ($"/api/schools/{urn}/programme", $"/schools/{urn}/programme", everyone),
            // The shared language and the improvement models: everyone signed in reads them (governors too).
            ("/api/language", "/language", everyone),
            ("/api/improvement-model", "/improvement-model", everyone),
            ($"/api/schools/{urn}/improvement-model", $"/schools/{urn}/improvement-model", everyone),
            // Peer reviews: a planned review of the school is for the trust and the school's leaders (not its reviewer: they are not on the team).
            ("/api/peer-reviews", "/peer-reviews", everyone),
            ($"/api/peer-reviews/{review}", $"/peer-reviews/{review}", [World.NorthAdmin, World.NorthLeader, World.PrimaryHead]),
            // Instructional rounds: whoever may see one of its schools reads the round and its debrief (governors and reviewers without notes).
            ("/api/rounds", "/rounds", everyone),
            ($"/api/rounds/{round}", $"/rounds/{round}", everyone),
            ($"/api/rounds/{round}/debrief", $"/rounds/{round}/debrief", everyone),
            ($"/api/rounds/{round}/export.csv", $"/rounds/{round}/export.csv", everyone),
            ($"/api/schools/{urn}/rounds", $"/schools/{urn}/rounds", everyone),
            // Coaching: everyone has their own (possibly empty) coaching; a school's coaching counts and the overview are its leaders' (ArrangeCoaching).
            ("/api/coaching/pairs", "/coaching", everyone),
            ($"/api/coaching/schools/{urn}", $"/schools/{urn}/coaching", manageSurveys),
            ("/api/coaching/overview", "/coaching/overview", manageSurveys),
            // The practice library: trust and school leaders and teachers (a teacher's membership may be a unit's), not data managers, governors or reviewers.
            ("/api/practice", "/practice", [World.NorthAdmin, World.NorthLeader, World.PrimaryHead, World.PrimaryTeacher]),
            // Support: trust leaders and the school's leaders (RaiseSupportNeeds) see its needs, the episodes it gives or receives and the balance; networks whoever sees a member school.
            ("/api/support/balance", "/support", manageSurveys),
            ($"/api/support/needs/{support.NeedId}", $"/support/needs/{support.NeedId}", manageSurveys),
            ($"/api/support/episodes/{support.EpisodeId}", $"/support/episodes/{support.EpisodeId}", manageSurveys),
            ("/api/networks", "/support/networks", everyone),
            // Trust reviews (issue 22): a school's rating is for the trust and the school's leaders, never its governors; its reviews and tier for its governors too.
            ($"/api/schools/{urn}/risk", $"/schools/{urn}/risk", manageSurveys),
            ("/api/reviews/calendar", "/reviews", everyone),
            ("/api/reviews/policy", "/reviews/policy", everyone),
            ($"/api/reviews/{schoolReview}", $"/reviews/{schoolReview}", [World.NorthAdmin, World.NorthLeader, World.PrimaryHead, World.PrimaryGovernor]),
            // The trust's self-evaluation (issue 22): those who evaluate the trust (EvaluateTrust), no one at a school.
            ("/api/trust/self-evaluation", "/trust/self-evaluation", manageTrustWide),
        ];
        var pupilKeys = app.World.PupilKeys[urn];
        var failures = new List<string>();
        foreach (var email in NorthRoles)
        {
            var client = await app.ClientForAsync(email);
            foreach (var (api, page, may) in table)
            {
                var allowed = may.Contains(email);
                foreach (var url in new[] { api, page })
                {
                    var response = await client.GetAsync(url);
                    var ok = allowed
                        ? response.StatusCode == HttpStatusCode.OK
                        : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                    if (!ok)
                    {
                        failures.Add($"{email}: GET {url} answered {(int)response.StatusCode}, expected {(allowed ? "200" : "403 or 404")}");
                    }
                    if (allowed && email is World.PrimaryGovernor or World.PrimaryReviewer
                        && pupilKeys.FirstOrDefault((await response.Content.ReadAsStringAsync()).Contains) is { } key)
                    {
                        failures.Add($"{email}: GET {url} showed the pupil key {key}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CheckAsync(string email, Dictionary<string, string> ids, string[] mustNotAppear, List<Target> targets, List<string> failures)
    {
        var client = await app.ClientForAsync(email);
        var antiforgery = await AntiforgeryTokenAsync(client);
        foreach (var target in targets.Where(t => !Public.Contains(t.Pattern) && !IsNational(t.Pattern)))
        {
            var names = Parameter().Matches(target.Pattern).Select(m => m.Groups["name"].Value).ToList();
            var unknown = names.Where(n => !ids.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                failures.Add($"{target.Method} {target.Pattern}: route value '{string.Join(", ", unknown)}' is unknown to the matrix — add it.");
                continue;
            }
            if (names.Count == 0 && target.Method != "GET")
            {
                continue; // acts on the caller's own things (a new record, their own tokens): no id to misuse
            }
            var url = Parameter().Replace(target.Pattern, m => ids[m.Groups["name"].Value]);
            var isPage = !target.Pattern.StartsWith("/api", StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(target.Method), url + (target.Handler is null ? "" : $"?handler={target.Handler}"));
            if (target.Method != "GET")
            {
                request.Content = isPage
                    ? new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)])
                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{email}: {target.Method} {url}{(target.Handler is null ? "" : $" (handler {target.Handler})")}";
            if (names.Count > 0)
            {
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                {
                    failures.Add($"{what} answered {(int)response.StatusCode}, expected 404 or 403");
                }
            }
            else if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{what} answered {(int)response.StatusCode}");
            }
            else if (target.Method == "GET" && mustNotAppear.Where(m => !(TrustWide.Contains(target.Pattern) && SameTrust(email, m)))
                         .FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
            {
                failures.Add($"{what} showed \"{leaked}\", which belongs to another school or trust");
            }
        }
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account");
        return ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }

    /// <summary>Every API endpoint with its methods, and every Razor page with GET and each POST handler it declares.</summary>
    private async Task<List<Target>> EnumerateAsync()
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                targets.Add(new Target("GET", pattern, null));
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post"))
                {
                    targets.Add(new Target("POST", pattern, handler.Name));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var allowAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var national = endpoint.Metadata.GetMetadata<Stepwise.Features.Reference.NationalDataAttribute>() is not null;
            Assert.True(national == IsNational(pattern),
                $"{pattern}: only endpoints under {string.Join(", ", NationalData)} may serve national data, and every one there must be marked [NationalData].");
            if (allowAnonymous && !Public.Contains(pattern))
            {
                targets.Add(new Target("ANONYMOUS", pattern, null));
            }
            targets.AddRange(methods.Select(m => new Target(m, pattern, null)));
        }
        var unexpectedPublic = targets.Where(t => t.Method == "ANONYMOUS").ToList();
        Assert.True(unexpectedPublic.Count == 0, "Public endpoints not on the matrix's list: " + string.Join(", ", unexpectedPublic.Select(t => t.Pattern)));
        return targets.Distinct().ToList();
    }
}
