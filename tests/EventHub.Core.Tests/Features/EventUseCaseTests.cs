using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Team;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Features;

public sealed class EventUseCaseTests
{
    private static EventForm ValidForm() => new()
    {
        Title = "China's and Russia's Security Engagement in Central Asia",
        StartsLocal = new DateTime(2026, 12, 9, 10, 0, 0),
        EndsLocal = new DateTime(2026, 12, 9, 13, 0, 0),
        TimeZoneId = "Europe/Brussels",
        City = "Brussels",
        Capacity = 35,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_an_event_stores_utc_times_and_makes_the_creator_organiser(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (user, principal) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();

        var outcome = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(principal, ValidForm());

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        var saved = await db.Events.Include(e => e.Team).SingleAsync(e => e.Id == outcome.Value);
        Assert.Equal(new DateTime(2026, 12, 9, 9, 0, 0), saved.StartsAtUtc);
        Assert.Equal(kas.Id, saved.OrganisationId);
        Assert.Equal((user.Id, EventRole.Organiser), (saved.Team.Single().UserId, saved.Team.Single().Role));
        Assert.Equal("event.created", (await db.AuditEntries.SingleAsync()).Action);
    }

    public static IEnumerable<object[]> InvalidForms()
    {
        yield return ["Title", (Action<EventForm>)(f => f.Title = " "), "Enter a title."];
        yield return ["EndsLocal", (Action<EventForm>)(f => f.EndsLocal = f.StartsLocal!.Value.AddHours(-1)), "The end must be after the start."];
        yield return ["EndsLocal", (Action<EventForm>)(f => f.EndsLocal = f.StartsLocal), "The end must be after the start."];
        yield return ["Capacity", (Action<EventForm>)(f => f.Capacity = 0), "Capacity must be between 1 and 100,000."];
        yield return ["TimeZoneId", (Action<EventForm>)(f => f.TimeZoneId = "Europe/Atlantis"), "'Europe/Atlantis' is not a known time zone; use an IANA name such as Europe/Brussels."];
        yield return ["StartsLocal", (Action<EventForm>)(f => { f.StartsLocal = new DateTime(2027, 3, 28, 2, 30, 0); f.EndsLocal = new DateTime(2027, 3, 28, 5, 0, 0); }), "That start time does not exist in this time zone (the clocks skip it for summer time)."];
    }

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task An_invalid_event_is_refused_with_the_field_and_nothing_is_saved(string field, Action<EventForm> spoil, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, principal) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        var form = ValidForm();
        spoil(form);
        await using var scope = host.Scope();

        var outcome = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(principal, form);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal([message], outcome.Errors[field]);
        Assert.Equal(0, await db.Events.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organiser_of_one_event_cannot_read_or_edit_another_organisations_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var other = await TestUsers.CreateOrganisationAsync(db, "Another Foundation");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        var (_, intruder) = await TestUsers.CreateOrganiserAsync(db, "ivan@other.example", other.Id);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var claraEvent = (await services.GetRequiredService<CreateEvent>().ExecuteAsync(clara, ValidForm())).Value;
        var intruderForm = ValidForm();
        intruderForm.Title = "Intruder's own event";
        Assert.True((await services.GetRequiredService<CreateEvent>().ExecuteAsync(intruder, intruderForm)).Succeeded);

        var read = await services.GetRequiredService<GetEvent>().ExecuteAsync(intruder, claraEvent);
        var loaded = EventForm.From((await services.GetRequiredService<GetEvent>().ExecuteAsync(clara, claraEvent)).Value!.Event);
        loaded.Title = "Hijacked";
        var edit = await services.GetRequiredService<UpdateEvent>().ExecuteAsync(intruder, claraEvent, loaded);
        var team = await services.GetRequiredService<AssignTeamRole>().ExecuteAsync(intruder, claraEvent, new TeamRoleForm { Email = "ivan@other.example", Role = EventRole.Organiser });

        Assert.Equal(OutcomeStatus.Forbidden, read.Status);
        Assert.Null(read.Value);
        Assert.Equal(OutcomeStatus.Forbidden, edit.Status);
        Assert.Equal(OutcomeStatus.Forbidden, team.Status);
        Assert.Equal("China's and Russia's Security Engagement in Central Asia", (await db.Events.SingleAsync(e => e.Id == claraEvent)).Title);
        Assert.Equal(2, await db.EventTeamMembers.CountAsync());
        var listed = await services.GetRequiredService<ListEvents>().ExecuteAsync(intruder);
        Assert.Equal(["Intruder's own event"], listed.Select(e => e.Title));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Per_event_roles_grant_only_their_own_permissions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        var (_, marc) = await TestUsers.CreateStaffAsync(db, "marc@kas.example", kas.Id);
        var (_, admin) = await TestUsers.CreateStaffAsync(db, "admin@eventhub.example", null, administrator: true);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var eventId = (await services.GetRequiredService<CreateEvent>().ExecuteAsync(clara, ValidForm())).Value;
        Assert.True((await services.GetRequiredService<AssignTeamRole>().ExecuteAsync(clara, eventId, new TeamRoleForm { Email = "MARC@kas.example", Role = EventRole.DoorStaff })).Succeeded);
        var authorization = services.GetRequiredService<IAuthorizationService>();

        Assert.True(await authorization.CanAsync(marc, eventId, EventPermission.CheckIn));
        Assert.False(await authorization.CanAsync(marc, eventId, EventPermission.View)); // door staff see only the door screens
        Assert.False(await authorization.CanAsync(marc, eventId, EventPermission.Edit));
        Assert.False(await authorization.CanAsync(marc, eventId, EventPermission.Vet));
        Assert.False(await authorization.CanAsync(marc, eventId, EventPermission.ViewOutbox));
        Assert.True(await authorization.CanAsync(admin, eventId, EventPermission.Edit));
        Assert.False(await authorization.CanAsync(marc, Guid.NewGuid(), EventPermission.View));

        var duplicate = await services.GetRequiredService<AssignTeamRole>().ExecuteAsync(clara, eventId, new TeamRoleForm { Email = "marc@kas.example", Role = EventRole.DoorStaff });
        Assert.Equal("marc@kas.example already has the role DoorStaff on this event.", Assert.Single(duplicate.Errors["Role"]));
        var unknown = await services.GetRequiredService<AssignTeamRole>().ExecuteAsync(clara, eventId, new TeamRoleForm { Email = "nobody@kas.example", Role = EventRole.Vetter });
        Assert.StartsWith("No staff account has this email.", Assert.Single(unknown.Errors["Email"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_second_of_two_concurrent_edits_is_refused_as_a_conflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var eventId = (await services.GetRequiredService<CreateEvent>().ExecuteAsync(clara, ValidForm())).Value;
        var loaded = (await services.GetRequiredService<GetEvent>().ExecuteAsync(clara, eventId)).Value!.Event;
        var first = EventForm.From(loaded);
        var second = EventForm.From(loaded);
        first.Capacity = 40;
        second.Capacity = 30;

        Assert.True((await services.GetRequiredService<UpdateEvent>().ExecuteAsync(clara, eventId, first)).Succeeded);
        var conflict = await services.GetRequiredService<UpdateEvent>().ExecuteAsync(clara, eventId, second);

        Assert.Equal(OutcomeStatus.Conflict, conflict.Status);
        Assert.Equal(40, (await db.Events.AsNoTracking().SingleAsync()).Capacity);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Agenda_items_must_fall_within_the_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var eventId = (await services.GetRequiredService<CreateEvent>().ExecuteAsync(clara, ValidForm())).Value;
        var save = services.GetRequiredService<SaveAgendaItem>();

        var tooEarly = await save.ExecuteAsync(clara, eventId, new AgendaItemForm { Title = "Coffee", StartsLocal = new DateTime(2026, 12, 9, 9, 0, 0) });
        var ok = await save.ExecuteAsync(clara, eventId, new AgendaItemForm { Title = "Discussion", StartsLocal = new DateTime(2026, 12, 9, 10, 45, 0), EndsLocal = new DateTime(2026, 12, 9, 12, 30, 0), Confidentiality = ConfidentialityLevel.ChathamHouse });

        Assert.Equal(["The item must start during the event."], tooEarly.Errors["StartsLocal"]);
        Assert.True(ok.Succeeded);
        var item = await db.AgendaItems.SingleAsync();
        Assert.Equal((new DateTime(2026, 12, 9, 9, 45, 0), ConfidentialityLevel.ChathamHouse), (item.StartsAtUtc, item.Confidentiality));
    }
}
