using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrustReviewsSupportAndPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NetworkId",
                table: "Rounds",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NetworkId",
                table: "LearningTeams",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "Frameworks",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "School");

            migrationBuilder.CreateTable(
                name: "Networks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Networks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PracticeTags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    Strand = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeTags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    MediumRiskFrom = table.Column<double>(type: "double precision", nullable: false),
                    HighRiskFrom = table.Column<double>(type: "double precision", nullable: false),
                    HighRiskEveryMonths = table.Column<int>(type: "integer", nullable: false),
                    MediumRiskEveryMonths = table.Column<int>(type: "integer", nullable: false),
                    LowRiskEveryMonths = table.Column<int>(type: "integer", nullable: false),
                    UniversalName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TargetedName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IntensiveName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskWeights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    Component = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskWeights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchoolReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkVersionId = table.Column<int>(type: "integer", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reviewers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Focus = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolReviews_FrameworkVersions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "FrameworkVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchoolReviews_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharedResources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AreaKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedResources_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportCapacities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    EpisodesPerTerm = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportCapacities", x => x.Id);
                    table.CheckConstraint("CK_SupportCapacities_EpisodesPerTerm", "\"EpisodesPerTerm\" >= 0");
                    table.ForeignKey(
                        name: "FK_SupportCapacities_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportNeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkAreaId = table.Column<int>(type: "integer", nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportNeeds_FrameworkAreas_FrameworkAreaId",
                        column: x => x.FrameworkAreaId,
                        principalTable: "FrameworkAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportNeeds_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportTierDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RiskScore = table.Column<double>(type: "double precision", nullable: true),
                    RiskBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportTierDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportTierDecisions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupportTierDecisions_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrustJudgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkAreaId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AreasForDevelopment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    JudgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrustJudgements_FrameworkAreas_FrameworkAreaId",
                        column: x => x.FrameworkAreaId,
                        principalTable: "FrameworkAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrustJudgements_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NetworkSchools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkSchools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkSchools_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkSchools_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolReviewId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkAreaId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_FrameworkAreas_FrameworkAreaId",
                        column: x => x.FrameworkAreaId,
                        principalTable: "FrameworkAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_SchoolReviews_SchoolReviewId",
                        column: x => x.SchoolReviewId,
                        principalTable: "SchoolReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SupportNeedId = table.Column<int>(type: "integer", nullable: true),
                    GiverSchoolId = table.Column<int>(type: "integer", nullable: false),
                    ReceiverSchoolId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkAreaId = table.Column<int>(type: "integer", nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    People = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Aims = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NetworkId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgreedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Impact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ImpactSentence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ImpactNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ImpactRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ImpactRecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportEpisodes", x => x.Id);
                    table.CheckConstraint("CK_SupportEpisodes_GiverIsNotReceiver", "\"GiverSchoolId\" <> \"ReceiverSchoolId\"");
                    table.ForeignKey(
                        name: "FK_SupportEpisodes_FrameworkAreas_FrameworkAreaId",
                        column: x => x.FrameworkAreaId,
                        principalTable: "FrameworkAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportEpisodes_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportEpisodes_Schools_GiverSchoolId",
                        column: x => x.GiverSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportEpisodes_Schools_ReceiverSchoolId",
                        column: x => x.ReceiverSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportEpisodes_SupportNeeds_SupportNeedId",
                        column: x => x.SupportNeedId,
                        principalTable: "SupportNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolReviewId = table.Column<int>(type: "integer", nullable: false),
                    ReviewFindingId = table.Column<int>(type: "integer", nullable: true),
                    PlanActionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewFollowUps_PlanActions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFollowUps_ReviewFindings_ReviewFindingId",
                        column: x => x.ReviewFindingId,
                        principalTable: "ReviewFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFollowUps_SchoolReviews_SchoolReviewId",
                        column: x => x.SchoolReviewId,
                        principalTable: "SchoolReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_NetworkId",
                table: "Rounds",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeams_NetworkId",
                table: "LearningTeams",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Networks_TrustId",
                table: "Networks",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_Networks_TrustId_Name",
                table: "Networks",
                columns: new[] { "TrustId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSchools_NetworkId_SchoolId",
                table: "NetworkSchools",
                columns: new[] { "NetworkId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSchools_SchoolId",
                table: "NetworkSchools",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSchools_TrustId",
                table: "NetworkSchools",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeTags_TrustId",
                table: "PracticeTags",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeTags_TrustId_Source_SourceId_Strand",
                table: "PracticeTags",
                columns: new[] { "TrustId", "Source", "SourceId", "Strand" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_FrameworkAreaId",
                table: "ReviewFindings",
                column: "FrameworkAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_SchoolReviewId_FrameworkAreaId",
                table: "ReviewFindings",
                columns: new[] { "SchoolReviewId", "FrameworkAreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_TrustId",
                table: "ReviewFindings",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFollowUps_PlanActionId",
                table: "ReviewFollowUps",
                column: "PlanActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFollowUps_ReviewFindingId",
                table: "ReviewFollowUps",
                column: "ReviewFindingId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFollowUps_SchoolReviewId",
                table: "ReviewFollowUps",
                column: "SchoolReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFollowUps_TrustId",
                table: "ReviewFollowUps",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPolicies_TrustId",
                table: "ReviewPolicies",
                column: "TrustId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskWeights_TrustId",
                table: "RiskWeights",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskWeights_TrustId_Component",
                table: "RiskWeights",
                columns: new[] { "TrustId", "Component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolReviews_FrameworkVersionId",
                table: "SchoolReviews",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolReviews_SchoolId",
                table: "SchoolReviews",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolReviews_TrustId",
                table: "SchoolReviews",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolReviews_TrustId_SchoolId_ReviewOn",
                table: "SchoolReviews",
                columns: new[] { "TrustId", "SchoolId", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SharedResources_SchoolId",
                table: "SharedResources",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedResources_TrustId",
                table: "SharedResources",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedResources_TrustId_SchoolId",
                table: "SharedResources",
                columns: new[] { "TrustId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportCapacities_SchoolId",
                table: "SupportCapacities",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportCapacities_TrustId",
                table: "SupportCapacities",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportCapacities_TrustId_SchoolId",
                table: "SupportCapacities",
                columns: new[] { "TrustId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_FrameworkAreaId",
                table: "SupportEpisodes",
                column: "FrameworkAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_GiverSchoolId",
                table: "SupportEpisodes",
                column: "GiverSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_NetworkId",
                table: "SupportEpisodes",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_ReceiverSchoolId",
                table: "SupportEpisodes",
                column: "ReceiverSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_SupportNeedId",
                table: "SupportEpisodes",
                column: "SupportNeedId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_TrustId",
                table: "SupportEpisodes",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_TrustId_GiverSchoolId_StartsOn",
                table: "SupportEpisodes",
                columns: new[] { "TrustId", "GiverSchoolId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportEpisodes_TrustId_ReceiverSchoolId_StartsOn",
                table: "SupportEpisodes",
                columns: new[] { "TrustId", "ReceiverSchoolId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportNeeds_FrameworkAreaId",
                table: "SupportNeeds",
                column: "FrameworkAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportNeeds_SchoolId",
                table: "SupportNeeds",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportNeeds_TrustId",
                table: "SupportNeeds",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportNeeds_TrustId_SchoolId_Status",
                table: "SupportNeeds",
                columns: new[] { "TrustId", "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportTierDecisions_PersonId",
                table: "SupportTierDecisions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportTierDecisions_SchoolId",
                table: "SupportTierDecisions",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportTierDecisions_TrustId",
                table: "SupportTierDecisions",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportTierDecisions_TrustId_SchoolId_DecidedOn",
                table: "SupportTierDecisions",
                columns: new[] { "TrustId", "SchoolId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrustJudgements_FrameworkAreaId",
                table: "TrustJudgements",
                column: "FrameworkAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_TrustJudgements_PersonId",
                table: "TrustJudgements",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TrustJudgements_TrustId",
                table: "TrustJudgements",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_TrustJudgements_TrustId_FrameworkAreaId_JudgedOn",
                table: "TrustJudgements",
                columns: new[] { "TrustId", "FrameworkAreaId", "JudgedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_LearningTeams_Networks_NetworkId",
                table: "LearningTeams",
                column: "NetworkId",
                principalTable: "Networks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Rounds_Networks_NetworkId",
                table: "Rounds",
                column: "NetworkId",
                principalTable: "Networks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LearningTeams_Networks_NetworkId",
                table: "LearningTeams");

            migrationBuilder.DropForeignKey(
                name: "FK_Rounds_Networks_NetworkId",
                table: "Rounds");

            migrationBuilder.DropTable(
                name: "NetworkSchools");

            migrationBuilder.DropTable(
                name: "PracticeTags");

            migrationBuilder.DropTable(
                name: "ReviewFollowUps");

            migrationBuilder.DropTable(
                name: "ReviewPolicies");

            migrationBuilder.DropTable(
                name: "RiskWeights");

            migrationBuilder.DropTable(
                name: "SharedResources");

            migrationBuilder.DropTable(
                name: "SupportCapacities");

            migrationBuilder.DropTable(
                name: "SupportEpisodes");

            migrationBuilder.DropTable(
                name: "SupportTierDecisions");

            migrationBuilder.DropTable(
                name: "TrustJudgements");

            migrationBuilder.DropTable(
                name: "ReviewFindings");

            migrationBuilder.DropTable(
                name: "Networks");

            migrationBuilder.DropTable(
                name: "SupportNeeds");

            migrationBuilder.DropTable(
                name: "SchoolReviews");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_NetworkId",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_LearningTeams_NetworkId",
                table: "LearningTeams");

            migrationBuilder.DropColumn(
                name: "NetworkId",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "NetworkId",
                table: "LearningTeams");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "Frameworks");
        }
    }
}
