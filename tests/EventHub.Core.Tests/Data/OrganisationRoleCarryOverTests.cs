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
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            kas = (await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS")).Id;
            enc = (await TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council", "ENC")).Id;
            clara = (await TestUsers.CreateStaffAsync(db, "clara@kas.example", kas)).User.Id;   // organises two KAS events and one ENC event
            marc = (await TestUsers.CreateStaffAsync(db, "marc@kas.example", kas)).User.Id;     // door staff at a KAS event
            nina = (await TestUsers.CreateStaffAsync(db, "nina@kas.example", kas)).User.Id;     // staff of KAS, on no team
            pieter = (await TestUsers.CreateStaffAsync(db, "pieter@enc.example", enc)).User.Id; // vetter at the ENC event
            var kasTalk = Event(kas);
            var kasForum = Event(kas);
            var encTable = Event(enc);
            db.Events.AddRange(kasTalk, kasForum, encTable);
            db.EventTeamMembers.AddRange(
                Member(kasTalk, clara, EventRole.Organiser, joined.AddDays(10)),
                Member(kasForum, clara, EventRole.Organiser, joined),
                Member(kasForum, clara, EventRole.Vetter, joined),
                Member(encTable, clara, EventRole.Organiser, joined.AddDays(3)),
                Member(kasTalk, marc, EventRole.DoorStaff, joined),
                Member(encTable, pieter, EventRole.Vetter, joined));
            await db.SaveChangesAsync();
        }

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

    private static Event Event(Guid organisationId) => new()
    {
        Id = Guid.NewGuid(), Title = "Round table", TimeZoneId = "Europe/Brussels", OrganisationId = organisationId, City = "Brussels", Capacity = 30,
        StartsAtUtc = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), EndsAtUtc = new DateTime(2026, 6, 1, 11, 0, 0, DateTimeKind.Utc),
        Status = EventStatus.Open, ConcurrencyStamp = Guid.NewGuid(),
    };

    private static EventTeamMember Member(Event e, string userId, EventRole role, DateTime addedAt)
        => new() { Id = Guid.NewGuid(), EventId = e.Id, UserId = userId, Role = role, AddedAtUtc = addedAt };
}
