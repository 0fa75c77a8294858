using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CyclesOfEnquiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearningTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsImprovementTeam = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningTeams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeTicks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ActivityKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    TickedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeTicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeTicks_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProblemOfPractice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Aim = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AimBaseline = table.Column<double>(type: "double precision", nullable: true),
                    AimTarget = table.Column<double>(type: "double precision", nullable: true),
                    AimBy = table.Column<DateOnly>(type: "date", nullable: true),
                    TheoryWhen = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TheoryThen = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enquiries_LearningTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "LearningTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enquiries_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningTeamMembers_LearningTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "LearningTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningTeamMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningTeamUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningTeamUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningTeamUnits_LearningTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "LearningTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningTeamUnits_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningTeamUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DriverNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    EnquiryId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: true),
                    Ease = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriverNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DriverNodes_DriverNodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "DriverNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DriverNodes_Enquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnquiryMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    EnquiryId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OperationalDefinition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    MetricKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Group = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Polarity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Target = table.Column<double>(type: "double precision", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnquiryMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnquiryMeasures_Enquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnquiryMeasures_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PdsaCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    EnquiryId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ChangeIdeaId = table.Column<int>(type: "integer", nullable: false),
                    PreviousCycleId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Prediction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlanWho = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PlanWhat = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlanWhen = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PlanWhere = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Study = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdsaCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_DriverNodes_ChangeIdeaId",
                        column: x => x.ChangeIdeaId,
                        principalTable: "DriverNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_Enquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_PdsaCycles_PreviousCycleId",
                        column: x => x.PreviousCycleId,
                        principalTable: "PdsaCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamMeasureValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Lesson = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMeasureValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMeasureValues_EnquiryMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "EnquiryMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CycleMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleMeasures_EnquiryMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "EnquiryMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleMeasures_PdsaCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "PdsaCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CycleMeasures_CycleId_MeasureId",
                table: "CycleMeasures",
                columns: new[] { "CycleId", "MeasureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleMeasures_MeasureId",
                table: "CycleMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleMeasures_TrustId",
                table: "CycleMeasures",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverNodes_EnquiryId_Position",
                table: "DriverNodes",
                columns: new[] { "EnquiryId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DriverNodes_ParentId",
                table: "DriverNodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverNodes_TrustId",
                table: "DriverNodes",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_SchoolId",
                table: "Enquiries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_TeamId_Title",
                table: "Enquiries",
                columns: new[] { "TeamId", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_TrustId",
                table: "Enquiries",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_EnquiryMeasures_EnquiryId",
                table: "EnquiryMeasures",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_EnquiryMeasures_SchoolId_MetricKey_Group",
                table: "EnquiryMeasures",
                columns: new[] { "SchoolId", "MetricKey", "Group" });

            migrationBuilder.CreateIndex(
                name: "IX_EnquiryMeasures_TrustId",
                table: "EnquiryMeasures",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamMembers_PersonId",
                table: "LearningTeamMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamMembers_TeamId_PersonId",
                table: "LearningTeamMembers",
                columns: new[] { "TeamId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamMembers_TrustId",
                table: "LearningTeamMembers",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeams_TrustId",
                table: "LearningTeams",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeams_TrustId_Name",
                table: "LearningTeams",
                columns: new[] { "TrustId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamUnits_SchoolId",
                table: "LearningTeamUnits",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamUnits_TeamId_UnitId",
                table: "LearningTeamUnits",
                columns: new[] { "TeamId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamUnits_TrustId",
                table: "LearningTeamUnits",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningTeamUnits_UnitId",
                table: "LearningTeamUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_ChangeIdeaId",
                table: "PdsaCycles",
                column: "ChangeIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_EnquiryId_Number",
                table: "PdsaCycles",
                columns: new[] { "EnquiryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_PreviousCycleId",
                table: "PdsaCycles",
                column: "PreviousCycleId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_SchoolId",
                table: "PdsaCycles",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_TrustId",
                table: "PdsaCycles",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_UnitId",
                table: "PdsaCycles",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeTicks_SchoolId_ActivityKey",
                table: "ProgrammeTicks",
                columns: new[] { "SchoolId", "ActivityKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeTicks_TrustId",
                table: "ProgrammeTicks",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMeasureValues_MeasureId_On_Lesson",
                table: "TeamMeasureValues",
                columns: new[] { "MeasureId", "On", "Lesson" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamMeasureValues_TrustId",
                table: "TeamMeasureValues",
                column: "TrustId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CycleMeasures");

            migrationBuilder.DropTable(
                name: "LearningTeamMembers");

            migrationBuilder.DropTable(
                name: "LearningTeamUnits");

            migrationBuilder.DropTable(
                name: "ProgrammeTicks");

            migrationBuilder.DropTable(
                name: "TeamMeasureValues");

            migrationBuilder.DropTable(
                name: "PdsaCycles");

            migrationBuilder.DropTable(
                name: "EnquiryMeasures");

            migrationBuilder.DropTable(
                name: "DriverNodes");

            migrationBuilder.DropTable(
                name: "Enquiries");

            migrationBuilder.DropTable(
                name: "LearningTeams");
        }
    }
}
