using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneEvidenceModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_OwnerKind_OwnerId",
                table: "Evidence",
                columns: new[] { "OwnerKind", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_SchoolId",
                table: "Evidence",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_TrustId",
                table: "Evidence",
                column: "TrustId");

            // Every existing row is carried over (ADR 0066): a judgement's evidence was added by whoever recorded the
            // judgement, when they recorded it; a plan's evidence is a link when it has one, else a note.
            migrationBuilder.Sql("""
                INSERT INTO "Evidence" ("TrustId", "SchoolId", "OwnerKind", "OwnerId", "Kind", "Title", "Url", "MetricKey", "Group", "Note", "AddedAt", "PersonId", "By")
                SELECT e."TrustId", j."SchoolId", 'Judgement', e."JudgementId", e."Kind", e."Title", e."Url", e."MetricKey", e."Group", e."Note", j."RecordedAt", j."PersonId", j."By"
                FROM "JudgementEvidence" e JOIN "Judgements" j ON j."Id" = e."JudgementId"
                ORDER BY e."Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Evidence" ("TrustId", "SchoolId", "OwnerKind", "OwnerId", "Kind", "Title", "Url", "MetricKey", "Group", "Note", "AddedAt", "PersonId", "By")
                SELECT e."TrustId", e."SchoolId", 'Priority', e."PriorityId", CASE WHEN e."Url" IS NULL THEN 'Note' ELSE 'Link' END, e."Title", e."Url", NULL, NULL, e."Note", e."AddedOn" || ' 00:00:00', NULL, e."By"
                FROM "PlanEvidence" e
                ORDER BY e."Id";
                """);

            migrationBuilder.DropTable(
                name: "JudgementEvidence");

            migrationBuilder.DropTable(
                name: "PlanEvidence");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JudgementEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    JudgementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudgementEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JudgementEvidence_Judgements_JudgementId",
                        column: x => x.JudgementId,
                        principalTable: "Judgements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AddedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanEvidence_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JudgementEvidence_JudgementId",
                table: "JudgementEvidence",
                column: "JudgementId");

            migrationBuilder.CreateIndex(
                name: "IX_JudgementEvidence_TrustId",
                table: "JudgementEvidence",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvidence_PriorityId",
                table: "PlanEvidence",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvidence_TrustId",
                table: "PlanEvidence",
                column: "TrustId");

            migrationBuilder.Sql("""
                INSERT INTO "JudgementEvidence" ("TrustId", "JudgementId", "Kind", "Title", "Url", "MetricKey", "Group", "Note")
                SELECT "TrustId", "OwnerId", CASE WHEN "Kind" IN ('Visit', 'File') THEN CASE WHEN "Url" IS NULL THEN 'Note' ELSE 'Link' END ELSE "Kind" END, "Title", "Url", "MetricKey", "Group", "Note" FROM "Evidence" WHERE "OwnerKind" = 'Judgement' ORDER BY "Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "PlanEvidence" ("TrustId", "SchoolId", "PriorityId", "Title", "Url", "Note", "AddedOn", "By")
                SELECT "TrustId", "SchoolId", "OwnerId", "Title", "Url", "Note", date("AddedAt"), "By" FROM "Evidence" WHERE "OwnerKind" = 'Priority' ORDER BY "Id";
                """);

            migrationBuilder.DropTable(
                name: "Evidence");

        }
    }
}
