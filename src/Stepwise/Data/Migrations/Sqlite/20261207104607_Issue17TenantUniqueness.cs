using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue17TenantUniqueness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trusts_Name",
                table: "Trusts");

            migrationBuilder.DropIndex(
                name: "IX_Schools_Urn",
                table: "Schools");

            migrationBuilder.CreateIndex(
                name: "IX_Trusts_Name",
                table: "Trusts",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Schools_TrustId_Urn",
                table: "Schools",
                columns: new[] { "TrustId", "Urn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schools_Urn",
                table: "Schools",
                column: "Urn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trusts_Name",
                table: "Trusts");

            migrationBuilder.DropIndex(
                name: "IX_Schools_TrustId_Urn",
                table: "Schools");

            migrationBuilder.DropIndex(
                name: "IX_Schools_Urn",
                table: "Schools");

            migrationBuilder.CreateIndex(
                name: "IX_Trusts_Name",
                table: "Trusts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schools_Urn",
                table: "Schools",
                column: "Urn",
                unique: true);
        }
    }
}
