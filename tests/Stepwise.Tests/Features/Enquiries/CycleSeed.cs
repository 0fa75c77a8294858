using Stepwise.Common;
using Stepwise.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>What <see cref="CycleSeed"/> stored: the team, its enquiry, the diagram's change ideas and the measures.</summary>
public sealed record SeededEnquiry(int TeamId, int EnquiryId, int PrimaryDriverId, int SecondaryDriverId, int IdeaId, int OtherIdeaId, int MetricMeasureId, int TeamMeasureId);

/// <summary>
/// A learning team with an enquiry, a driver diagram (a primary driver, a secondary driver, two change ideas) and two
/// measures (one on a school's metric series, one the team's own), stored directly: the arrange step of the cycle
/// tests, whose subject is the cycle, not the team or the diagram.
/// </summary>
public static class CycleSeed
{
    private static int _teams;

    /// <summary>With <paramref name="diagram"/> false the driver diagram is left empty (its ids in the result are 0), for a test that builds it on the pages.</summary>
    public static Task<SeededEnquiry> EnquiryAsync(StepwiseApp app, int urn, string[] unitKeys, string[] members, string title = "Reading fluency in Year 6", bool diagram = true) =>
        app.QueryAsync(async db =>
        {
            var school = app.World.School(urn);
            var now = app.Clock.UtcNow();
            var team = new LearningTeam { TrustId = school.TrustId, Name = $"{title} team {Interlocked.Increment(ref _teams)}", CreatedAt = now };
            db.LearningTeams.Add(team);
            await db.SaveChangesAsync();
            foreach (var key in unitKeys)
            {
                var unit = app.World.Units[key];
                db.LearningTeamUnits.Add(new LearningTeamUnit { TrustId = school.TrustId, TeamId = team.Id, UnitId = unit.Id, SchoolId = unit.SchoolId });
            }
            foreach (var email in members)
            {
                db.LearningTeamMembers.Add(new LearningTeamMember { TrustId = school.TrustId, TeamId = team.Id, PersonId = app.World.Person(email).Id });
            }
            var enquiry = new Enquiry
            {
                TrustId = school.TrustId, TeamId = team.Id, SchoolId = school.Id, Title = title, CreatedAt = now,
                ProblemOfPractice = "Pupils read accurately but slowly and without expression.",
                Aim = "Reading fluency in Year 6 from 62 % to 75 % at the expected standard by July",
                AimBaseline = 62, AimTarget = 75, AimBy = app.Today.AddMonths(8),
                TheoryWhen = "pupils read aloud to a partner every day", TheoryThen = "their fluency rises",
            };
            db.Enquiries.Add(enquiry);
            await db.SaveChangesAsync();
            if (!diagram)
            {
                var (outcome, process) = Measures(school.TrustId, school.Id, enquiry.Id);
                db.EnquiryMeasures.AddRange(outcome, process);
                await db.SaveChangesAsync();
                return new SeededEnquiry(team.Id, enquiry.Id, 0, 0, 0, 0, outcome.Id, process.Id);
            }
            var primary = new DriverNode { TrustId = school.TrustId, EnquiryId = enquiry.Id, Kind = DriverNodeKind.PrimaryDriver, Text = "Time spent reading aloud" };
            db.DriverNodes.Add(primary);
            await db.SaveChangesAsync();
            var secondary = new DriverNode { TrustId = school.TrustId, EnquiryId = enquiry.Id, ParentId = primary.Id, Kind = DriverNodeKind.SecondaryDriver, Text = "Daily practice routines" };
            db.DriverNodes.Add(secondary);
            await db.SaveChangesAsync();
            var idea = new DriverNode { TrustId = school.TrustId, EnquiryId = enquiry.Id, ParentId = secondary.Id, Kind = DriverNodeKind.ChangeIdea, Text = "Paired reading every morning", Impact = 3, Ease = 2 };
            var other = new DriverNode { TrustId = school.TrustId, EnquiryId = enquiry.Id, ParentId = secondary.Id, Kind = DriverNodeKind.ChangeIdea, Text = "Echo reading with the teacher", Impact = 2, Ease = 3, Position = 1 };
            var (metric, own) = Measures(school.TrustId, school.Id, enquiry.Id);
            db.DriverNodes.AddRange(idea, other);
            db.EnquiryMeasures.AddRange(metric, own);
            await db.SaveChangesAsync();
            return new SeededEnquiry(team.Id, enquiry.Id, primary.Id, secondary.Id, idea.Id, other.Id, metric.Id, own.Id);
        });

    /// <summary>The enquiry's measures: the school's overall absence of disadvantaged pupils (outcome), and the team's own weekly figure (process).</summary>
    private static (EnquiryMeasure Metric, EnquiryMeasure Own) Measures(int trustId, int schoolId, int enquiryId) => (
        new EnquiryMeasure
        {
            TrustId = trustId, EnquiryId = enquiryId, Kind = MeasureKind.Outcome, Name = "Overall absence",
            OperationalDefinition = "Sessions missed as a share of sessions possible, all pupils", SchoolId = schoolId, MetricKey = "attendance.overall-absence", Group = "disadvantaged",
        },
        new EnquiryMeasure
        {
            TrustId = trustId, EnquiryId = enquiryId, Kind = MeasureKind.Process, Name = "Pupils reading aloud daily",
            OperationalDefinition = "Share of the class who read aloud to a partner that day, counted by the teacher", Unit = "%", Polarity = "up", Frequency = TeamMeasureFrequency.Weekly,
        });

    /// <summary>A cycle on the seeded enquiry's first change idea, watching its measure on a metric, stored directly.</summary>
    public static Task<int> CycleAsync(StepwiseApp app, SeededEnquiry seeded, string unitKey) =>
        app.QueryAsync(async db =>
        {
            var unit = app.World.Units[unitKey];
            var cycle = new PdsaCycle
            {
                TrustId = unit.TrustId, EnquiryId = seeded.EnquiryId, Number = 1, ChangeIdeaId = seeded.IdeaId, UnitId = unit.Id, SchoolId = unit.SchoolId,
                Question = "Will paired reading every morning help?", Prediction = "Fluency rises.", StartsOn = app.Today.AddDays(-14), CreatedAt = app.Clock.UtcNow(),
            };
            db.PdsaCycles.Add(cycle);
            await db.SaveChangesAsync();
            db.CycleMeasures.Add(new CycleMeasure { TrustId = unit.TrustId, CycleId = cycle.Id, MeasureId = seeded.MetricMeasureId });
            await db.SaveChangesAsync();
            return cycle.Id;
        });

    /// <summary>
    /// For the authorisation matrix: at each school, by URN, an enquiry whose team works only there and has no members,
    /// with its driver diagram, a team measure with one figure, and a cycle: every id the enquiry and cycle routes take.
    /// </summary>
    public static async Task<Dictionary<int, MatrixRecords>> ForMatrixAsync(StepwiseApp app)
    {
        var seeded = new Dictionary<int, MatrixRecords>();
        foreach (var (urn, unitKey) in new[] { (World.NorthPrimaryUrn, "primary-year6"), (World.NorthSecondaryUrn, "secondary-maths"), (World.HarbourUrn, "harbour-send") })
        {
            var enquiry = await EnquiryAsync(app, urn, [unitKey], [], $"Matrix enquiry {urn}");
            var cycle = await CycleAsync(app, enquiry, unitKey);
            var value = await app.QueryAsync(async db =>
            {
                var figure = new TeamMeasureValue
                {
                    TrustId = app.World.School(urn).TrustId, MeasureId = enquiry.TeamMeasureId, On = TeamMeasures.MondayOf(app.Today.AddDays(-7)), Value = 50,
                    EnteredAt = app.Clock.UtcNow(), By = "seed",
                };
                db.TeamMeasureValues.Add(figure);
                await db.SaveChangesAsync();
                return figure.Id;
            });
            seeded[urn] = new MatrixRecords(enquiry.TeamId, enquiry.EnquiryId, enquiry.PrimaryDriverId, enquiry.TeamMeasureId, value, cycle);
        }
        return seeded;
    }
}

/// <summary>The ids the enquiry and cycle routes take, for one school's records.</summary>
public sealed record MatrixRecords(int TeamId, int EnquiryId, int NodeId, int MeasureId, int ValueId, int CycleId);
