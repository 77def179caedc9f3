using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OfflineDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CheckInPerAgendaItem",
                table: "Events",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NameCardsShowOrganisation",
                table: "Events",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "CheckIns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DoorSessionId",
                table: "CheckIns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Device = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaCheckIns_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoorConflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CheckInId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    OrganisationName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Device = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DoorSessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoorConflicts_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoorSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StaffName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProtectedListKey = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    LastSeenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoorSessions_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ClientId",
                table: "CheckIns",
                column: "ClientId",
                unique: true,
                filter: "[ClientId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCheckIns_AgendaItemId_RegistrationId",
                table: "AgendaCheckIns",
                columns: new[] { "AgendaItemId", "RegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCheckIns_ClientId",
                table: "AgendaCheckIns",
                column: "ClientId",
                unique: true,
                filter: "[ClientId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCheckIns_EventId",
                table: "AgendaCheckIns",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_DoorConflicts_ClientId",
                table: "DoorConflicts",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoorConflicts_EventId_RecordedAtUtc",
                table: "DoorConflicts",
                columns: new[] { "EventId", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorSessions_EventId",
                table: "DoorSessions",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_DoorSessions_TokenHash",
                table: "DoorSessions",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaCheckIns");

            migrationBuilder.DropTable(
                name: "DoorConflicts");

            migrationBuilder.DropTable(
                name: "DoorSessions");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_ClientId",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "CheckInPerAgendaItem",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NameCardsShowOrganisation",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "DoorSessionId",
                table: "CheckIns");
        }
    }
}
