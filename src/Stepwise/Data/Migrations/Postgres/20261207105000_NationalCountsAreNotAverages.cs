using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NationalCountsAreNotAverages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // England rows of counts were stored as the national totals and read as averages (ADR 0076): a total is
            // marked as such until the file is imported again, when the census gives the average per school.
            migrationBuilder.Sql("""UPDATE "ReferenceValues" SET "Value" = NULL, "Missing" = 'total' WHERE "Urn" IS NULL AND "RecordType" = 'England' AND "Value" IS NOT NULL AND "MetricKey" IN ('ks2.pupils', 'ks4.pupils', 'census.pupils')""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The totals cannot be recovered without the files; importing them again restores every figure.
        }
    }
}
