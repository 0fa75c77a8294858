using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PupilGroupFiguresDerivedAgain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: DeriveFiguresAgain (an IDataUpgrade, see Data/DatabaseUpgrade.cs) runs once this is
            // applied, working out every school's pupil-group figures again under ADR 0073's small-group rule.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
