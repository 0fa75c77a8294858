using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttendanceYearAtItsSchool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PupilAttendanceYears_DataImports_DataImportId",
                table: "PupilAttendanceYears");

            migrationBuilder.DropIndex(
                name: "IX_PupilAttendanceYears_DataImportId",
                table: "PupilAttendanceYears");

            migrationBuilder.DropIndex(
                name: "IX_PupilAttendanceYears_PupilId_AcademicYear",
                table: "PupilAttendanceYears");

            migrationBuilder.DropIndex(
                name: "IX_PupilAttendanceYears_SchoolId",
                table: "PupilAttendanceYears");

            migrationBuilder.CreateIndex(
                name: "IX_PupilAttendanceYears_PupilId",
                table: "PupilAttendanceYears",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_PupilAttendanceYears_SchoolId_PupilId_AcademicYear",
                table: "PupilAttendanceYears",
                columns: new[] { "SchoolId", "PupilId", "AcademicYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PupilAttendanceYears_PupilId",
                table: "PupilAttendanceYears");

            migrationBuilder.DropIndex(
                name: "IX_PupilAttendanceYears_SchoolId_PupilId_AcademicYear",
                table: "PupilAttendanceYears");

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

            migrationBuilder.AddForeignKey(
                name: "FK_PupilAttendanceYears_DataImports_DataImportId",
                table: "PupilAttendanceYears",
                column: "DataImportId",
                principalTable: "DataImports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
