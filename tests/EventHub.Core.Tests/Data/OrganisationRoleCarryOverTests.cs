using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// The migration that introduced organisation roles carries existing staff over: organisers of an organisation's events
/// may create its events and keep its directory; everyone else gets no organisation role. Run on a database that holds
/// staff from before the migration, on every provider available here.
/// </summary>
public sealed class OrganisationRoleCarryOverTests
{
    private const string MigrationBefore = "InviteeNameRule";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organisers_of_an_organisations_events_get_its_event_and_directory_roles_and_nobody_else_gets_any(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, MigrationBefore);
        Guid kas, enc;
        string clara, marc, nina, pieter;
        var joined = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        // Written as the application before the migration wrote them (the current model has columns added since).
        kas = await OrganisationAsync(database, "Konrad-Adenauer-Stiftung", "KAS");
        enc = await OrganisationAsync(database, "European Neighbourhood Council", "ENC");
        clara = await StaffAsync(database, "clara@kas.example", kas);   // organises two KAS events and one ENC event
        marc = await StaffAsync(database, "marc@kas.example", kas);     // door staff at a KAS event
        nina = await StaffAsync(database, "nina@kas.example", kas);     // staff of KAS, on no team
        pieter = await StaffAsync(database, "pieter@enc.example", enc); // vetter at the ENC event
        var kasTalk = await EventAsync(database, kas);
        var kasForum = await EventAsync(database, kas);
        var encTable = await EventAsync(database, enc);
        await MemberAsync(database, kasTalk, clara, EventRole.Organiser, joined.AddDays(10));
        await MemberAsync(database, kasForum, clara, EventRole.Organiser, joined);
        await MemberAsync(database, kasForum, clara, EventRole.Vetter, joined);
        await MemberAsync(database, encTable, clara, EventRole.Organiser, joined.AddDays(3));
        await MemberAsync(database, kasTalk, marc, EventRole.DoorStaff, joined);
        await MemberAsync(database, encTable, pieter, EventRole.Vetter, joined);

        await database.MigrateAsync();

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var grants = (await db.OrganisationRoleGrants.AsNoTracking().ToListAsync())
                .Select(g => (g.UserId, g.OrganisationId, g.Role, g.GrantedAtUtc)).OrderBy(g => g.OrganisationId == kas ? 0 : 1).ThenBy(g => g.Role).ToList();
            Assert.Equal(
            [
                (clara, kas, OrganisationRole.CreatesEvents, joined), (clara, kas, OrganisationRole.KeepsDirectory, joined),
                (clara, enc, OrganisationRole.CreatesEvents, joined.AddDays(3)), (clara, enc, OrganisationRole.KeepsDirectory, joined.AddDays(3)),
            ], grants);
            Assert.DoesNotContain(grants, g => g.UserId == marc || g.UserId == nina || g.UserId == pieter);
        }
    }

    private static async Task<Guid> OrganisationAsync(TestDatabase database, string name, string acronym)
    {
        var id = Guid.NewGuid();
        await OldSchemaRows.InsertAsync(database, "Organisations", new Dictionary<string, object?> { ["Id"] = id, ["Name"] = name, ["Acronym"] = acronym });
        return id;
    }

    private static async Task<string> StaffAsync(TestDatabase database, string email, Guid organisationId)
    {
        var id = Guid.NewGuid().ToString();
        await OldSchemaRows.InsertAsync(database, "AspNetUsers", new Dictionary<string, object?>
        {
            ["Id"] = id, ["UserName"] = email, ["NormalizedUserName"] = email.ToUpperInvariant(), ["Email"] = email,
            ["NormalizedEmail"] = email.ToUpperInvariant(), ["EmailConfirmed"] = true, ["OrganisationId"] = organisationId,
            ["SecurityStamp"] = Guid.NewGuid().ToString(), ["ConcurrencyStamp"] = Guid.NewGuid().ToString(),
        });
        return id;
    }

    private static async Task<Guid> EventAsync(TestDatabase database, Guid organisationId)
    {
        var id = Guid.NewGuid();
        await OldSchemaRows.InsertAsync(database, "Events", new Dictionary<string, object?>
        {
            ["Id"] = id, ["Title"] = "Round table", ["TimeZoneId"] = "Europe/Brussels", ["OrganisationId"] = organisationId, ["City"] = "Brussels",
            ["Capacity"] = 30, ["StartsAtUtc"] = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), ["EndsAtUtc"] = new DateTime(2026, 6, 1, 11, 0, 0, DateTimeKind.Utc),
            ["Status"] = EventStatus.Open, ["ConcurrencyStamp"] = Guid.NewGuid(),
        });
        return id;
    }

    private static Task MemberAsync(TestDatabase database, Guid eventId, string userId, EventRole role, DateTime addedAt)
        => OldSchemaRows.InsertAsync(database, "EventTeamMembers", new Dictionary<string, object?>
        {
            ["Id"] = Guid.NewGuid(), ["EventId"] = eventId, ["UserId"] = userId, ["Role"] = role, ["AddedAtUtc"] = addedAt,
        });
}
