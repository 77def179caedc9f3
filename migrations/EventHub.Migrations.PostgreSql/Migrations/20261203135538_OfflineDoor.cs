using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Migrations.PostgreSql.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NameCardsShowOrganisation",
                table: "Events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "CheckIns",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DoorSessionId",
                table: "CheckIns",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Device = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Device = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DoorSessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StaffName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedListKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastSeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCheckIns_AgendaItemId_RegistrationId",
                table: "AgendaCheckIns",
                columns: new[] { "AgendaItemId", "RegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaCheckIns_ClientId",
                table: "AgendaCheckIns",
                column: "ClientId",
                unique: true);

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
