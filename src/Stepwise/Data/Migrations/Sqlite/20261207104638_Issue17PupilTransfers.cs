using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue17PupilTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SchoolId",
                table: "PupilCharacteristics",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // What is stored was recorded by the school whose roll each pupil is on now (ADR 0074).
            migrationBuilder.Sql("""
                UPDATE "PupilCharacteristics" SET "SchoolId" = (SELECT p."SchoolId" FROM "Pupils" p WHERE p."Id" = "PupilCharacteristics"."PupilId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PupilCharacteristics_SchoolId",
                table: "PupilCharacteristics",
                column: "SchoolId");

            migrationBuilder.AddForeignKey(
                name: "FK_PupilCharacteristics_Schools_SchoolId",
                table: "PupilCharacteristics",
                column: "SchoolId",
                principalTable: "Schools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PupilCharacteristics_Schools_SchoolId",
                table: "PupilCharacteristics");

            migrationBuilder.DropIndex(
                name: "IX_PupilCharacteristics_SchoolId",
                table: "PupilCharacteristics");

            migrationBuilder.DropColumn(
                name: "SchoolId",
                table: "PupilCharacteristics");
        }
    }
}
