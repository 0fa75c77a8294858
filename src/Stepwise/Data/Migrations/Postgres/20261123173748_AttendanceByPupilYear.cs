using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttendanceByPupilYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PupilAttendanceYears",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrustId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    Marks = table.Column<string>(type: "text", nullable: false),
                    Periods = table.Column<int>(type: "integer", nullable: false),
                    DataImportId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilAttendanceYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PupilAttendanceYears_DataImports_DataImportId",
                        column: x => x.DataImportId,
                        principalTable: "DataImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PupilAttendanceYears_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PupilAttendanceYears_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PupilAttendanceYears_DataImportId",
                table: "PupilAttendanceYears",
                column: "DataImportId");

            migrationBuilder.CreateIndex(
                name: "IX_PupilAttendanceYears_PupilId_AcademicYear",
                table: "PupilAttendanceYears",
                columns: new[] { "PupilId", "AcademicYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PupilAttendanceYears_SchoolId",
                table: "PupilAttendanceYears",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PupilAttendanceYears_TrustId",
                table: "PupilAttendanceYears",
                column: "TrustId");

            // Each pupil's rows for a year become that year's marks (ADR 0062), in period order, before the old table goes.
            migrationBuilder.Sql("""
                INSERT INTO "PupilAttendanceYears" ("TrustId", "SchoolId", "PupilId", "AcademicYear", "Marks", "Periods", "DataImportId")
                SELECT max("TrustId"), max("SchoolId"), "PupilId", "Year",
                    string_agg(concat_ws(',', "Period", "Possible", "Present", "Authorised", "Unauthorised", "DataImportId"), ';' ORDER BY "PeriodStart", "Period" COLLATE "C"),
                    count(*), max("DataImportId")
                FROM (SELECT *, CASE WHEN extract(month FROM "PeriodStart") >= 9 THEN extract(year FROM "PeriodStart")::integer
                                     ELSE extract(year FROM "PeriodStart")::integer - 1 END AS "Year"
                      FROM "AttendanceRecords") AS a
                GROUP BY "PupilId", "Year";
                """);

            migrationBuilder.DropTable(
                name: "AttendanceRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Turning marks back into a row per period needs each period's start, which only Stepwise's Period knows:
            // going back would lose every school's attendance, so it is refused. Restore a backup taken before upgrading.
            throw new NotSupportedException("AttendanceByPupilYear cannot be undone without losing attendance (ADR 0062); restore a backup taken before it.");
        }
    }
}
