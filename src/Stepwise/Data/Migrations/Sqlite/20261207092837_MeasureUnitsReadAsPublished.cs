using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureUnitsReadAsPublished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One formatter reads a value by its unit (Common/MetricFormat.cs): progress scores are signed, Attainment 8
            // and mean scores are not, and a school's own absence rate is a share of sessions, as the DfE's is.
            migrationBuilder.Sql("""UPDATE "Metrics" SET "Unit" = 'progress score' WHERE "Key" IN ('ks2.reading-progress', 'ks2.writing-progress', 'ks2.maths-progress', 'ks4.progress-8')""");
            migrationBuilder.Sql("""UPDATE "Metrics" SET "Unit" = '% of sessions' WHERE "Key" = 'attendance.overall-absence'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Metrics" SET "Unit" = 'score' WHERE "Key" IN ('ks2.reading-progress', 'ks2.writing-progress', 'ks2.maths-progress', 'ks4.progress-8')""");
            migrationBuilder.Sql("""UPDATE "Metrics" SET "Unit" = '%' WHERE "Key" = 'attendance.overall-absence'""");
        }
    }
}
