using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OrganiserDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "RegistrationApprovals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OverridesCapacity",
                table: "RegistrationApprovals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "ReportReviewerGroups",
                table: "Events",
                type: "text[]",
                nullable: false,
                // Events from before this migration get no reviewer groups of their own (the review workflow's defaults).
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "RegistrationApprovals");

            migrationBuilder.DropColumn(
                name: "OverridesCapacity",
                table: "RegistrationApprovals");

            migrationBuilder.DropColumn(
                name: "ReportReviewerGroups",
                table: "Events");
        }
    }
}
