using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Staff;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Features;

/// <summary>
/// Organisation roles: staff of an organisation create its events and keep its directory only when granted, by an
/// administrator or the organisation's manager, who grants nothing elsewhere and cannot lock themselves out.
/// </summary>
public sealed class OrganisationRoleTests
{
    private static EventForm Talk(Guid? organisationId = null) => new()
    {
        Title = "Central Asia round table",
        StartsLocal = new DateTime(2026, 12, 9, 10, 0, 0),
        EndsLocal = new DateTime(2026, 12, 9, 13, 0, 0),
        TimeZoneId = "Europe/Brussels",
        City = "Brussels",
        Capacity = 35,
        OrganisationId = organisationId,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_without_roles_neither_create_events_nor_open_the_directory_until_their_manager_grants_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (managerUser, manager) = await TestUsers.CreateStaffAsync(db, "clara@kas.example", kas.Id);
        await TestUsers.GrantAsync(db, managerUser, kas.Id, OrganisationRole.ManagesOrganisation);
        var (marcUser, marc) = await TestUsers.CreateStaffAsync(db, "marc@kas.example", kas.Id);
        var services = host.Scoped;

        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<CreateEvent>().ExecuteAsync(marc, Talk())).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(marc, null)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(marc, kas.Id)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<ExportContacts>().ExecuteAsync(marc, kas.Id)).Status);
        Assert.Equal(0, await db.Events.CountAsync());

        var granted = await services.GetRequiredService<SetOrganisationRoles>().ExecuteAsync(manager,
            new OrganisationRolesForm { UserId = marcUser.Id, OrganisationId = kas.Id, CreatesEvents = true, KeepsDirectory = true });

        Assert.True(granted.Succeeded, string.Join("; ", granted.Errors.SelectMany(e => e.Value)));
        Assert.Equal("marc at Konrad-Adenauer-Stiftung: may create events, keeps the expert directory.", granted.Value);
        var created = await services.GetRequiredService<CreateEvent>().ExecuteAsync(marc, Talk());
        Assert.True(created.Succeeded);
        Assert.Equal(kas.Id, (await db.Events.AsNoTracking().SingleAsync()).OrganisationId);
        Assert.Equal("Konrad-Adenauer-Stiftung", (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(marc, null)).Value!.Directory!.Name);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "staff.organisation-roles");
        Assert.Equal((marcUser.Id, "Konrad-Adenauer-Stiftung: may create events, keeps the expert directory"), (audit.SubjectId, audit.Details));

        // Withdrawn again: the directory closes.
        await services.GetRequiredService<SetOrganisationRoles>().ExecuteAsync(manager, new OrganisationRolesForm { UserId = marcUser.Id, OrganisationId = kas.Id, CreatesEvents = true });
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(marc, kas.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_grants_only_in_their_organisation_and_cannot_withdraw_their_own_manager_role(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var enc = await TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council", "ENC");
        var (claraUser, clara) = await TestUsers.CreateStaffAsync(db, "clara@kas.example", kas.Id);
        await TestUsers.GrantAsync(db, claraUser, kas.Id, OrganisationRole.ManagesOrganisation);
        var (marcUser, marc) = await TestUsers.CreateStaffAsync(db, "marc@kas.example", kas.Id);
        var (pieterUser, _) = await TestUsers.CreateStaffAsync(db, "pieter@enc.example", enc.Id);
        var set = host.Scoped.GetRequiredService<SetOrganisationRoles>();

        var elsewhere = await set.ExecuteAsync(clara, new OrganisationRolesForm { UserId = marcUser.Id, OrganisationId = enc.Id, CreatesEvents = true });
        var byNonManager = await set.ExecuteAsync(marc, new OrganisationRolesForm { UserId = marcUser.Id, OrganisationId = kas.Id, KeepsDirectory = true });
        var ownManagerRole = await set.ExecuteAsync(clara, new OrganisationRolesForm { UserId = claraUser.Id, OrganisationId = kas.Id, CreatesEvents = true });
        var noOrganisation = await set.ExecuteAsync(clara, new OrganisationRolesForm { UserId = marcUser.Id, CreatesEvents = true });

        Assert.Equal(OutcomeStatus.Forbidden, elsewhere.Status);
        Assert.Equal(OutcomeStatus.Forbidden, byNonManager.Status);
        Assert.Equal(["You cannot withdraw your own manager role: ask another manager of the organisation or an administrator."], ownManagerRole.Errors["ManagesOrganisation"]);
        Assert.Equal(["Choose the organisation the roles are for."], noOrganisation.Errors["OrganisationId"]);
        Assert.Equal([(claraUser.Id, kas.Id, OrganisationRole.ManagesOrganisation)],
            (await db.OrganisationRoleGrants.AsNoTracking().ToListAsync()).Select(g => (g.UserId, g.OrganisationId, g.Role)));

        // The manager's Staff page lists the organisation's staff, not the council's.
        var staff = await host.Scoped.GetRequiredService<ListStaff>().ExecuteAsync(clara);
        Assert.Equal(["clara", "marc"], staff.Select(s => s.DisplayName).Order());
        Assert.DoesNotContain(staff, s => s.Id == pieterUser.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Events_are_created_only_for_an_organisation_that_lets_the_creator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var enc = await TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council", "ENC");
        var (user, clara) = await TestUsers.CreateStaffAsync(db, "clara@kas.example", kas.Id);
        await TestUsers.GrantAsync(db, user, enc.Id, OrganisationRole.CreatesEvents);
        var create = host.Scoped.GetRequiredService<CreateEvent>();

        var forKas = await create.ExecuteAsync(clara, Talk(kas.Id));
        var forEnc = await create.ExecuteAsync(clara, Talk());

        Assert.Equal(["You may not create events for that organisation: choose one that lets you."], forKas.Errors["OrganisationId"]);
        Assert.True(forEnc.Succeeded);
        Assert.Equal([enc.Id], await db.Events.Select(e => e.OrganisationId).ToListAsync());
    }
}
