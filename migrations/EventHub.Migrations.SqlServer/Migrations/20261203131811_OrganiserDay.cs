using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Migrations.SqlServer.Migrations
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OverridesCapacity",
                table: "RegistrationApprovals",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReportReviewerGroups",
                table: "Events",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");
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
