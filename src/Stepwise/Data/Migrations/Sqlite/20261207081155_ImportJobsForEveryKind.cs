using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stepwise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportJobsForEveryKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "SchoolId",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "ImportJobs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Fraction",
                table: "ImportJobs",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Importer",
                table: "ImportJobs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "school-data");

            migrationBuilder.AddColumn<bool>(
                name: "Replace",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "ImportJobs",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartedAt",
                table: "ImportJobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Fraction",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Importer",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Replace",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Year",
                table: "ImportJobs");

            migrationBuilder.AlterColumn<int>(
                name: "SchoolId",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
