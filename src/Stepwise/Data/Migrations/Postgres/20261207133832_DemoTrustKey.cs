using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DemoTrustKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Trusts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // The demo trust was found by its name until now: the trust of that name (the first, should there be two) is it.
            migrationBuilder.Sql("""
                UPDATE "Trusts" SET "Key" = 'demo'
                WHERE "Id" = (SELECT MIN("Id") FROM "Trusts" WHERE "Name" = 'Larkhaven Learning Trust');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Trusts_Key",
                table: "Trusts",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trusts_Key",
                table: "Trusts");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Trusts");
        }
    }
}
