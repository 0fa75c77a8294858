using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Accounts;
using Stepwise.Features.Audit;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Imports;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.Coaching;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Evidence;
using Stepwise.Features.People;
using Stepwise.Features.Plans;
using Stepwise.Features.Practice;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.Pupils;
using Stepwise.Features.Reference;
using Stepwise.Features.Rounds;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.SharedLanguage;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Stages;
using Stepwise.Features.Support;
using Stepwise.Features.Surveys;
using Stepwise.Features.TrustEvaluation;
using Stepwise.Features.TrustReviews;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;
using Stepwise.Features.Visits;

namespace Stepwise.Data;

/// <summary>
/// The one database seam. Every tenant-owned table is filtered by the acting trust (<see cref="TrustScope"/>),
/// new rows are stamped with it, and every write is audited in the same transaction.
/// The provider is chosen by configuration: <see cref="SqliteAppDbContext"/> or <see cref="PostgresAppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, TrustScope scope, TimeProvider clock)
    : IdentityUserContext<Person, int>(options), IDataProtectionKeyContext
{
    public DbSet<Trust> Trusts => Set<Trust>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Pupil> Pupils => Set<Pupil>();
    public DbSet<PupilCharacteristic> PupilCharacteristics => Set<PupilCharacteristic>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<ReferenceValue> ReferenceValues => Set<ReferenceValue>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ReferenceSchool> ReferenceSchools => Set<ReferenceSchool>();
    public DbSet<RiseSchool> RiseSchools => Set<RiseSchool>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<PupilAttendanceYear> PupilAttendanceYears => Set<PupilAttendanceYear>();
    public DbSet<BehaviourIncident> BehaviourIncidents => Set<BehaviourIncident>();
    public DbSet<DataImport> DataImports => Set<DataImport>();
    public DbSet<MetricValue> MetricValues => Set<MetricValue>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();
    public DbSet<FrameworkArea> FrameworkAreas => Set<FrameworkArea>();
    public DbSet<FrameworkGrade> FrameworkGrades => Set<FrameworkGrade>();
    public DbSet<Judgement> Judgements => Set<Judgement>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<PlanComment> PlanComments => Set<PlanComment>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ComparatorWeightSetting> ComparatorWeightSettings => Set<ComparatorWeightSetting>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SurveyCode> SurveyCodes => Set<SurveyCode>();
    public DbSet<SurveySettings> SurveySettings => Set<SurveySettings>();
    public DbSet<YouSaidWeDid> YouSaidWeDid => Set<YouSaidWeDid>();
    public DbSet<GovernorVisit> GovernorVisits => Set<GovernorVisit>();
    public DbSet<LearningTeam> LearningTeams => Set<LearningTeam>();
    public DbSet<LearningTeamMember> LearningTeamMembers => Set<LearningTeamMember>();
    public DbSet<LearningTeamUnit> LearningTeamUnits => Set<LearningTeamUnit>();
    public DbSet<Enquiry> Enquiries => Set<Enquiry>();
    public DbSet<DriverNode> DriverNodes => Set<DriverNode>();
    public DbSet<EnquiryMeasure> EnquiryMeasures => Set<EnquiryMeasure>();
    public DbSet<TeamMeasureValue> TeamMeasureValues => Set<TeamMeasureValue>();
    public DbSet<PdsaCycle> PdsaCycles => Set<PdsaCycle>();
    public DbSet<CycleMeasure> CycleMeasures => Set<CycleMeasure>();
    public DbSet<ProgrammeTick> ProgrammeTicks => Set<ProgrammeTick>();
    public DbSet<LanguageVersion> LanguageVersions => Set<LanguageVersion>();
    public DbSet<LanguageItem> LanguageItems => Set<LanguageItem>();
    public DbSet<ImprovementModel> ImprovementModels => Set<ImprovementModel>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundSchool> RoundSchools => Set<RoundSchool>();
    public DbSet<RoundLookFor> RoundLookFors => Set<RoundLookFor>();
    public DbSet<RoundGroup> RoundGroups => Set<RoundGroup>();
    public DbSet<RoundObserver> RoundObservers => Set<RoundObserver>();
    public DbSet<RoundNote> RoundNotes => Set<RoundNote>();
    public DbSet<RoundNoteTag> RoundNoteTags => Set<RoundNoteTag>();
    public DbSet<RoundPattern> RoundPatterns => Set<RoundPattern>();
    public DbSet<RoundPatternNote> RoundPatternNotes => Set<RoundPatternNote>();
    public DbSet<RoundNextStep> RoundNextSteps => Set<RoundNextStep>();
    public DbSet<ReviewScale> ReviewScales => Set<ReviewScale>();
    public DbSet<ReviewScalePoint> ReviewScalePoints => Set<ReviewScalePoint>();
    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();
    public DbSet<PeerReviewer> PeerReviewers => Set<PeerReviewer>();
    public DbSet<PeerReviewArea> PeerReviewAreas => Set<PeerReviewArea>();
    public DbSet<CoachingPair> CoachingPairs => Set<CoachingPair>();
    public DbSet<CoachingStep> CoachingSteps => Set<CoachingStep>();
    public DbSet<CoachingCheckBack> CoachingCheckBacks => Set<CoachingCheckBack>();
    public DbSet<CoachingNote> CoachingNotes => Set<CoachingNote>();
    public DbSet<ReviewPolicy> ReviewPolicies => Set<ReviewPolicy>();
    public DbSet<RiskWeight> RiskWeights => Set<RiskWeight>();
    public DbSet<SchoolReview> SchoolReviews => Set<SchoolReview>();
    public DbSet<ReviewFinding> ReviewFindings => Set<ReviewFinding>();
    public DbSet<ReviewFollowUp> ReviewFollowUps => Set<ReviewFollowUp>();
    public DbSet<SupportTierDecision> SupportTierDecisions => Set<SupportTierDecision>();
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<NetworkSchool> NetworkSchools => Set<NetworkSchool>();
    public DbSet<SupportCapacity> SupportCapacities => Set<SupportCapacity>();
    public DbSet<SupportNeed> SupportNeeds => Set<SupportNeed>();
    public DbSet<SupportEpisode> SupportEpisodes => Set<SupportEpisode>();
    public DbSet<SharedResource> SharedResources => Set<SharedResource>();
    public DbSet<PracticeTag> PracticeTags => Set<PracticeTag>();
    public DbSet<TrustJudgement> TrustJudgements => Set<TrustJudgement>();

    public TrustScope Scope => scope;

    /// <summary>
    /// Off while a bulk load (the demo, an import) writes thousands of rows: the load writes one audit entry
    /// of its own that says what it did, instead of one per row.
    /// </summary>
    public bool AuditEachRow { get; set; } = true;

    // Read by the query filters each time a query runs (EF Core parameterises context members).
    internal bool FilterByTrust => !(scope.IsSystem && scope.TrustId is null);
    internal int FilterTrustId => scope.TrustId ?? -1;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<Trust>().HasQueryFilter(t => !FilterByTrust || t.Id == FilterTrustId);

        // Identity looks a person up by email before anyone is signed in, so people are filtered
        // only once the acting trust is known. Every other tenant-owned table is filtered always.
        builder.Entity<Person>().HasQueryFilter(p => !FilterByTrust || FilterTrustId == -1 || p.TrustId == FilterTrustId);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITrustOwned).IsAssignableFrom(entity.ClrType) || entity.ClrType == typeof(Person))
            {
                continue;
            }
            builder.Entity(entity.ClrType).HasQueryFilter(TrustFilterFor(entity.ClrType));
            builder.Entity(entity.ClrType).HasIndex(nameof(ITrustOwned.TrustId));
        }
    }

    private LambdaExpression TrustFilterFor(Type type)
    {
        Expression<Func<ITrustOwned, bool>> filter = e => !FilterByTrust || e.TrustId == FilterTrustId;
        var parameter = Expression.Parameter(type, "e");
        var body = new ReplaceParameter(filter.Parameters[0], parameter).Visit(filter.Body);
        return Expression.Lambda(body, parameter);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTrust();
        var trail = AuditEachRow ? AuditTrail.Capture(ChangeTracker) : AuditTrail.None;
        if (trail.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(trail.ToEntries(clock.UtcNow(), scope));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Records a read of pupil-level data in the audit log.</summary>
    public void AuditRead(int trustId, string entity, string key, string summary) =>
        Audit(trustId, "Viewed", entity, key, summary);

    /// <summary>Adds one audit entry by hand: a read, or a bulk load that does not audit each row.</summary>
    public void Audit(int trustId, string action, string entity, string key, string summary) =>
        AuditEntries.Add(new AuditEntry
        {
            TrustId = trustId,
            At = clock.UtcNow(),
            PersonId = scope.PersonId,
            Actor = scope.Actor,
            Action = action,
            Entity = entity,
            EntityKey = key,
            Summary = summary,
        });

    private void StampTrust()
    {
        foreach (var entry in ChangeTracker.Entries<ITrustOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TrustId == 0 && scope.TrustId is int trustId)
            {
                entry.Entity.TrustId = trustId;
            }
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && FilterByTrust && entry.Entity.TrustId != FilterTrustId)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of trust {entry.Entity.TrustId} cannot be written while acting for trust {FilterTrustId}.");
            }
        }
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            // e.TrustId on the interface becomes e.TrustId on the entity type.
            if (node.Expression == from && node.Member.DeclaringType == typeof(ITrustOwned))
            {
                return Expression.Property(to, node.Member.Name);
            }
            return base.VisitMember(node);
        }
    }
}
