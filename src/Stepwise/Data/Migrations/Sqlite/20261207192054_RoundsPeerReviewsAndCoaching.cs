using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoundsPeerReviewsAndCoaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoachingPairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoachId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingPairs", x => x.Id);
                    table.CheckConstraint("CK_CoachingPairs_TwoPeople", "\"TeacherId\" <> \"CoachId\"");
                    table.ForeignKey(
                        name: "FK_CoachingPairs_People_CoachId",
                        column: x => x.CoachId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoachingPairs_People_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoachingPairs_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Leadership = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HowPupilsLearn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LeadersExpertise = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IndividualLearning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TeamLearning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OrganisationalLearning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SharedLanguage = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementModels_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImprovementModels_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LanguageVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewScales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewScales", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingNotes_CoachingPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "CoachingPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingNotes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LanguageItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    LanguageVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EefStrand = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LanguageItems_LanguageVersions_LanguageVersionId",
                        column: x => x.LanguageVersionId,
                        principalTable: "LanguageVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProblemOfPractice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LanguageVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumClassrooms = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Prediction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.CheckConstraint("CK_Rounds_MinimumClassrooms", "\"MinimumClassrooms\" >= 5");
                    table.ForeignKey(
                        name: "FK_Rounds_LanguageVersions_LanguageVersionId",
                        column: x => x.LanguageVersionId,
                        principalTable: "LanguageVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameworkVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewScaleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AreaOfExcellence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AreaOfExcellenceFinding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviews_FrameworkVersions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "FrameworkVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviews_ReviewScales_ReviewScaleId",
                        column: x => x.ReviewScaleId,
                        principalTable: "ReviewScales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviews_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewScalePoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewScaleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewScalePoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewScalePoints_ReviewScales_ReviewScaleId",
                        column: x => x.ReviewScaleId,
                        principalTable: "ReviewScales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoachingSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    LanguageItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckBackOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingSteps_CoachingPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "CoachingPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingSteps_LanguageItems_LanguageItemId",
                        column: x => x.LanguageItemId,
                        principalTable: "LanguageItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ClassroomsVisited = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundGroups_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundLookFors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    LanguageItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundLookFors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundLookFors_LanguageItems_LanguageItemId",
                        column: x => x.LanguageItemId,
                        principalTable: "LanguageItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundLookFors_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundNextSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlanActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundNextSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundNextSteps_Enquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RoundNextSteps_PlanActions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RoundNextSteps_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherDoing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PupilsDoing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Task = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    YearGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SubjectArea = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundNotes_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundPatterns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundPatterns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundPatterns_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundSchools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSchools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundSchools_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundSchools_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerReviewAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameworkAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Estimate = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviewAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviewAreas_FrameworkAreas_FrameworkAreaId",
                        column: x => x.FrameworkAreaId,
                        principalTable: "FrameworkAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviewAreas_PeerReviews_PeerReviewId",
                        column: x => x.PeerReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerReviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromSchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviewers_PeerReviews_PeerReviewId",
                        column: x => x.PeerReviewId,
                        principalTable: "PeerReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerReviewers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviewers_Schools_FromSchoolId",
                        column: x => x.FromSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoachingCheckBacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    StepId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingCheckBacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingCheckBacks_CoachingPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "CoachingPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingCheckBacks_CoachingSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "CoachingSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundObservers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundObservers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundObservers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundObservers_RoundGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "RoundGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RoundObservers_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundNoteTags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LanguageItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundNoteTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundNoteTags_LanguageItems_LanguageItemId",
                        column: x => x.LanguageItemId,
                        principalTable: "LanguageItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundNoteTags_RoundNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "RoundNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundPatternNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    PatternId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundPatternNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundPatternNotes_RoundNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "RoundNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundPatternNotes_RoundPatterns_PatternId",
                        column: x => x.PatternId,
                        principalTable: "RoundPatterns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingCheckBacks_PairId",
                table: "CoachingCheckBacks",
                column: "PairId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingCheckBacks_StepId",
                table: "CoachingCheckBacks",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingCheckBacks_TrustId",
                table: "CoachingCheckBacks",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingNotes_PairId",
                table: "CoachingNotes",
                column: "PairId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingNotes_PersonId",
                table: "CoachingNotes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingNotes_TrustId",
                table: "CoachingNotes",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingPairs_CoachId",
                table: "CoachingPairs",
                column: "CoachId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingPairs_SchoolId",
                table: "CoachingPairs",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingPairs_TeacherId_CoachId_StartedOn",
                table: "CoachingPairs",
                columns: new[] { "TeacherId", "CoachId", "StartedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingPairs_TrustId",
                table: "CoachingPairs",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSteps_LanguageItemId",
                table: "CoachingSteps",
                column: "LanguageItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSteps_PairId",
                table: "CoachingSteps",
                column: "PairId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSteps_TrustId",
                table: "CoachingSteps",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementModels_PersonId",
                table: "ImprovementModels",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementModels_SchoolId",
                table: "ImprovementModels",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementModels_TrustId",
                table: "ImprovementModels",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementModels_TrustId_SchoolId_Number",
                table: "ImprovementModels",
                columns: new[] { "TrustId", "SchoolId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LanguageItems_LanguageVersionId_Kind_Key",
                table: "LanguageItems",
                columns: new[] { "LanguageVersionId", "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LanguageItems_TrustId",
                table: "LanguageItems",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageVersions_TrustId",
                table: "LanguageVersions",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageVersions_TrustId_Number",
                table: "LanguageVersions",
                columns: new[] { "TrustId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewAreas_FrameworkAreaId",
                table: "PeerReviewAreas",
                column: "FrameworkAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewAreas_PeerReviewId_FrameworkAreaId",
                table: "PeerReviewAreas",
                columns: new[] { "PeerReviewId", "FrameworkAreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewAreas_TrustId",
                table: "PeerReviewAreas",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewers_FromSchoolId",
                table: "PeerReviewers",
                column: "FromSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewers_PeerReviewId_PersonId",
                table: "PeerReviewers",
                columns: new[] { "PeerReviewId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewers_PersonId",
                table: "PeerReviewers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviewers_TrustId",
                table: "PeerReviewers",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_FrameworkVersionId",
                table: "PeerReviews",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_ReviewScaleId",
                table: "PeerReviews",
                column: "ReviewScaleId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_SchoolId",
                table: "PeerReviews",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_TrustId",
                table: "PeerReviews",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScalePoints_ReviewScaleId_Key",
                table: "ReviewScalePoints",
                columns: new[] { "ReviewScaleId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScalePoints_TrustId",
                table: "ReviewScalePoints",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScales_TrustId",
                table: "ReviewScales",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScales_TrustId_Number",
                table: "ReviewScales",
                columns: new[] { "TrustId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundGroups_RoundId_Name",
                table: "RoundGroups",
                columns: new[] { "RoundId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundGroups_TrustId",
                table: "RoundGroups",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundLookFors_LanguageItemId",
                table: "RoundLookFors",
                column: "LanguageItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundLookFors_RoundId_LanguageItemId",
                table: "RoundLookFors",
                columns: new[] { "RoundId", "LanguageItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundLookFors_TrustId",
                table: "RoundLookFors",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNextSteps_EnquiryId",
                table: "RoundNextSteps",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNextSteps_PlanActionId",
                table: "RoundNextSteps",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNextSteps_RoundId",
                table: "RoundNextSteps",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNextSteps_TrustId",
                table: "RoundNextSteps",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNotes_RoundId",
                table: "RoundNotes",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNotes_TrustId",
                table: "RoundNotes",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNoteTags_LanguageItemId",
                table: "RoundNoteTags",
                column: "LanguageItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNoteTags_NoteId_LanguageItemId",
                table: "RoundNoteTags",
                columns: new[] { "NoteId", "LanguageItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundNoteTags_TrustId",
                table: "RoundNoteTags",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundObservers_GroupId",
                table: "RoundObservers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundObservers_PersonId",
                table: "RoundObservers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundObservers_RoundId_PersonId",
                table: "RoundObservers",
                columns: new[] { "RoundId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundObservers_TrustId",
                table: "RoundObservers",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundPatternNotes_NoteId",
                table: "RoundPatternNotes",
                column: "NoteId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundPatternNotes_PatternId_NoteId",
                table: "RoundPatternNotes",
                columns: new[] { "PatternId", "NoteId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundPatternNotes_TrustId",
                table: "RoundPatternNotes",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundPatterns_RoundId",
                table: "RoundPatterns",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundPatterns_TrustId",
                table: "RoundPatterns",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_LanguageVersionId",
                table: "Rounds",
                column: "LanguageVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_TrustId",
                table: "Rounds",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundSchools_RoundId_SchoolId",
                table: "RoundSchools",
                columns: new[] { "RoundId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundSchools_SchoolId",
                table: "RoundSchools",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundSchools_TrustId",
                table: "RoundSchools",
                column: "TrustId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoachingCheckBacks");

            migrationBuilder.DropTable(
                name: "CoachingNotes");

            migrationBuilder.DropTable(
                name: "ImprovementModels");

            migrationBuilder.DropTable(
                name: "PeerReviewAreas");

            migrationBuilder.DropTable(
                name: "PeerReviewers");

            migrationBuilder.DropTable(
                name: "ReviewScalePoints");

            migrationBuilder.DropTable(
                name: "RoundLookFors");

            migrationBuilder.DropTable(
                name: "RoundNextSteps");

            migrationBuilder.DropTable(
                name: "RoundNoteTags");

            migrationBuilder.DropTable(
                name: "RoundObservers");

            migrationBuilder.DropTable(
                name: "RoundPatternNotes");

            migrationBuilder.DropTable(
                name: "RoundSchools");

            migrationBuilder.DropTable(
                name: "CoachingSteps");

            migrationBuilder.DropTable(
                name: "PeerReviews");

            migrationBuilder.DropTable(
                name: "RoundGroups");

            migrationBuilder.DropTable(
                name: "RoundNotes");

            migrationBuilder.DropTable(
                name: "RoundPatterns");

            migrationBuilder.DropTable(
                name: "CoachingPairs");

            migrationBuilder.DropTable(
                name: "LanguageItems");

            migrationBuilder.DropTable(
                name: "ReviewScales");

            migrationBuilder.DropTable(
                name: "Rounds");

            migrationBuilder.DropTable(
                name: "LanguageVersions");
        }
    }
}
