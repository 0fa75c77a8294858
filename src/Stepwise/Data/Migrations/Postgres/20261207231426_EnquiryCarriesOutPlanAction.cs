using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnquiryCarriesOutPlanAction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanActionId",
                table: "Enquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_PlanActionId",
                table: "Enquiries",
                column: "PlanActionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Enquiries_PlanActions_PlanActionId",
                table: "Enquiries",
                column: "PlanActionId",
                principalTable: "PlanActions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Enquiries_PlanActions_PlanActionId",
                table: "Enquiries");

            migrationBuilder.DropIndex(
                name: "IX_Enquiries_PlanActionId",
                table: "Enquiries");

            migrationBuilder.DropColumn(
                name: "PlanActionId",
                table: "Enquiries");
        }
    }
}
