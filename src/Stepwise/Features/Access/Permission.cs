namespace Stepwise.Features.Access;

/// <summary>What a role allows, at the scope of the membership that grants it.</summary>
public enum Permission
{
    ViewSchool,
    ViewPupils,
    EditPupils,
    EditSchool,
    CreateSchool,
    EditUnits,
    ManagePeople,
    ViewAudit,

    /// <summary>Grade the school's (or a unit's) self-evaluation as the school ("self").</summary>
    EditSelfEvaluation,

    /// <summary>Set the stage (Stabilise, Repair, Improve, Sustain) of the school or a unit.</summary>
    EditStages,

    /// <summary>Write and change improvement plans: priorities, goals, actions, milestones, reviews.</summary>
    EditPlans,

    /// <summary>Record the trust's and external reviewers' judgements beside the school's own, and moderate them.</summary>
    ModerateSchools,

    /// <summary>Add, write and version the trust's self-evaluation frameworks.</summary>
    ManageFrameworks,

    /// <summary>Change how the trust's similar schools are chosen (the comparator weights).</summary>
    AdjustComparatorWeights,

    /// <summary>Build, open and close surveys; record "you said, we did".</summary>
    ManageSurveys,

    /// <summary>Read survey results (aggregates with small groups suppressed: never an individual's answers).</summary>
    ViewSurveyResults,

    /// <summary>Write one's own governor visit reports.</summary>
    WriteVisitReports,

    /// <summary>Read governor visit reports.</summary>
    ViewVisitReports,

    /// <summary>Create a new trust with its first administrator (a service administrator's one permission).</summary>
    CreateTrusts,

    /// <summary>Form a learning team at a school (and so lead it); its members then run its enquiries.</summary>
    FormLearningTeams,

    /// <summary>Plan instructional rounds at a school (or a network of schools) and lead their debriefs.</summary>
    LeadRounds,

    /// <summary>Pair teachers with coaches and see the school's coaching cadence and counts (never the content).</summary>
    ArrangeCoaching,

    /// <summary>Arrange peer reviews between the trust's schools and set the scale they estimate on.</summary>
    ArrangePeerReviews,

    /// <summary>Write the trust's shared language (glossary, look-fors, step library) and the improvement model.</summary>
    ManageSharedLanguage,

    /// <summary>See a school's risk rating and every component behind it (a school leader: their own school's).</summary>
    ViewRisk,

    /// <summary>See a school's support tier and its trust reviews with their findings.</summary>
    ViewReviews,

    /// <summary>Arrange and complete trust reviews, set the review policy and the risk weights, and decide support tiers.</summary>
    ReviewSchools,

    /// <summary>Raise what a school needs help with (its leaders, for their own school).</summary>
    RaiseSupportNeeds,

    /// <summary>Agree support episodes between schools, record their impact, set capacities and form networks.</summary>
    BrokerSupport,

    /// <summary>Search the practice library: what worked in the trust's schools, and the school to ask.</summary>
    ViewPracticeLibrary,

    /// <summary>Share a resource in the practice library and tag entries with EEF Toolkit strands.</summary>
    ShareResources,

    /// <summary>Judge the trust itself against a trust-level framework (the trust quality pillars).</summary>
    EvaluateTrust,
}

public static class RolePermissions
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        // Everything within the trust; creating other trusts is the service administrator's alone.
        [Role.TrustAdmin] = [.. Enum.GetValues<Permission>().Where(p => p != Permission.CreateTrusts)],
        [Role.TrustLeader] = [Permission.ViewSchool, Permission.ViewPupils, Permission.EditPupils, Permission.EditSchool, Permission.CreateSchool, Permission.EditUnits,
            Permission.EditSelfEvaluation, Permission.EditStages, Permission.EditPlans, Permission.ModerateSchools, Permission.ManageFrameworks, Permission.AdjustComparatorWeights,
            Permission.ManageSurveys, Permission.ViewSurveyResults, Permission.ViewVisitReports, Permission.FormLearningTeams,
            Permission.LeadRounds, Permission.ArrangeCoaching, Permission.ArrangePeerReviews, Permission.ManageSharedLanguage,
            Permission.ViewRisk, Permission.ViewReviews, Permission.ReviewSchools, Permission.RaiseSupportNeeds, Permission.BrokerSupport,
            Permission.ViewPracticeLibrary, Permission.ShareResources, Permission.EvaluateTrust],
        [Role.DataManager] = [Permission.ViewSchool, Permission.ViewPupils, Permission.EditPupils, Permission.EditSchool, Permission.CreateSchool, Permission.EditUnits, Permission.ManagePeople],
        [Role.SchoolLeader] = [Permission.ViewSchool, Permission.ViewPupils, Permission.EditPupils, Permission.EditSchool, Permission.EditUnits, Permission.ManagePeople,
            Permission.EditSelfEvaluation, Permission.EditStages, Permission.EditPlans,
            Permission.ManageSurveys, Permission.ViewSurveyResults, Permission.ViewVisitReports, Permission.FormLearningTeams,
            Permission.LeadRounds, Permission.ArrangeCoaching,
            Permission.ViewRisk, Permission.ViewReviews, Permission.RaiseSupportNeeds, Permission.ViewPracticeLibrary, Permission.ShareResources],
        [Role.Teacher] = [Permission.ViewSchool, Permission.ViewPupils, Permission.FormLearningTeams, Permission.ViewPracticeLibrary],
        // Governors and external reviewers see aggregates only: never pupil-level records.
        // Governors also read survey results and visit reports, and write up their own visits (their one write).
        [Role.Governor] = [Permission.ViewSchool, Permission.ViewSurveyResults, Permission.ViewVisitReports, Permission.WriteVisitReports, Permission.ViewReviews],
        [Role.Reviewer] = [Permission.ViewSchool],
        [Role.ServiceAdmin] = [Permission.CreateTrusts],
    };

    public static bool Allows(this Role role, Permission permission) => Table[role].Contains(permission);

    /// <summary>Which scopes a role may be held at: trust roles at trust scope, school roles at a school or unit.</summary>
    public static string? ScopeProblem(Role role, bool trustWide, bool unitScope) => role switch
    {
        Role.TrustAdmin or Role.TrustLeader or Role.ServiceAdmin when !trustWide => $"{role.Code()} is a trust-wide role: leave the school empty.",
        Role.SchoolLeader or Role.Teacher when trustWide => $"{role.Code()} needs a school (or a unit of one).",
        Role.Governor or Role.Reviewer or Role.DataManager when unitScope => $"{role.Code()} is held for a whole school or the trust, not a unit.",
        _ => null,
    };

    /// <summary>
    /// The roles a person may give: at a school only the roles held at a school (a school leader cannot make a trust
    /// leader); a service administrator only from the server's command line, never from a page or the API.
    /// </summary>
    public static IEnumerable<Role> Grantable(bool trustWide, bool fromCommandLine) => RoleNames.All.Where(role =>
        (role != Role.ServiceAdmin || fromCommandLine)
        && (trustWide || ScopeProblem(role, trustWide: false, unitScope: false) is null));
}
