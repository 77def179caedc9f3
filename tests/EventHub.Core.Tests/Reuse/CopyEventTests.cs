using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.SavedTexts;
using EventHub.Core.Tests.Privacy;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Reuse;

public sealed class CopyEventTests
{
    /// <summary>The tables a copy may fill for the new event: its settings. Every other table that names an event stays empty.</summary>
    private static readonly HashSet<Type> CopiedSettings =
        [typeof(AgendaItem), typeof(EventTeamMember), typeof(RegistrationQuestion), typeof(ReminderRule), typeof(RegistrationTag), typeof(AuditEntry)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Copying_an_event_carries_its_settings_to_the_new_date_and_nothing_personal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter, "Host office");
        await PersonData.SeedAsync(s, "Ada Novak", "ada@think.example", "A");
        var bruno = await s.AddRegistrationAsync("Bruno Pending", "bruno@think.example", "Think");
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var e = await db.Events.SingleAsync(x => x.Id == s.EventId);
            e.ApproverGroups = ["Organiser", "Host office"];
            e.ReportReviewerGroups = ["Host office", "Co-organiser"];
            e.NameCardsShowOrganisation = true;
            e.AccessListFields = ["Name", "DocumentNumber"];
            e.EntranceInstructions = "Enter by the Rue Wiertz door.";
            e.SecurityDataRetentionDays = 14;
            e.PersonalDataRetentionMonths = 6;
            e.RequireSecurityData = true;
            e.AllowRequests = true;
            e.Description = "A background talk.";
            db.AgendaItems.Add(new AgendaItem { Id = Guid.NewGuid(), EventId = s.EventId, Title = "Discussion", StartsAtUtc = new DateTime(2026, 12, 9, 10, 30, 0, DateTimeKind.Utc), EndsAtUtc = new DateTime(2026, 12, 9, 11, 45, 0, DateTimeKind.Utc), Confidentiality = ConfidentialityLevel.OffTheRecord, SortOrder = 2 });
            db.RegistrationQuestions.Add(new RegistrationQuestion { Id = Guid.NewGuid(), EventId = s.EventId, Label = "Diet", Kind = QuestionKind.SingleChoice, Options = ["None", "Vegetarian"], Required = true, SortOrder = 1 });
            var tag = new RegistrationTag { Id = Guid.NewGuid(), EventId = s.EventId, Name = "Speaker", Colour = TagColour.Purple, CreatedAtUtc = DateTime.UnixEpoch };
            db.RegistrationTags.Add(tag);
            db.RegistrationTagAssignments.Add(new RegistrationTagAssignment { RegistrationId = bruno.Id, TagId = tag.Id, TaggedAtUtc = DateTime.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var contactsBefore = await CountAsync(database, db => db.Contacts.CountAsync());
        // The source is in December (CET, UTC+1); the copy in June (CEST, UTC+2): times of day stay, UTC instants move.
        var outcome = await host.Scoped.GetRequiredService<CopyEvent>().ExecuteAsync(s.Organiser, s.EventId,
            new CopyEventForm { Title = "Security Engagement in Central Asia, part two", StartsOn = new DateOnly(2027, 6, 10) });

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        await using var check = await database.Factory.CreateDbContextAsync();
        var source = await check.Events.AsNoTracking().SingleAsync(e => e.Id == s.EventId);
        var copy = await check.Events.AsNoTracking().Include(e => e.AgendaItems).Include(e => e.Team).SingleAsync(e => e.Id == outcome.Value);
        Assert.Equal(EventStatus.Draft, copy.Status);
        Assert.Equal("Security Engagement in Central Asia, part two", copy.Title);
        Assert.Equal(new DateTime(2027, 6, 10, 8, 0, 0), copy.StartsAtUtc);
        Assert.Equal(new DateTime(2027, 6, 10, 11, 0, 0), copy.EndsAtUtc);
        var discussion = copy.AgendaItems.Single(a => a.Title == "Discussion");
        Assert.Equal((new DateTime(2027, 6, 10, 11, 30, 0), new DateTime(2027, 6, 10, 12, 45, 0)), (EventTime.ToLocal(discussion.StartsAtUtc, copy.TimeZoneId), EventTime.ToLocal(discussion.EndsAtUtc!.Value, copy.TimeZoneId)));
        Assert.Equal(ConfidentialityLevel.OffTheRecord, discussion.Confidentiality);
        Assert.Equal(["Organiser", "Host office"], copy.ApproverGroups);
        Assert.Equal(["Host office", "Co-organiser"], copy.ReportReviewerGroups);
        Assert.True(copy.NameCardsShowOrganisation);
        Assert.Equal(["Name", "DocumentNumber"], copy.AccessListFields);
        Assert.Equal(("Enter by the Rue Wiertz door.", 14, 6), (copy.EntranceInstructions, copy.SecurityDataRetentionDays, copy.PersonalDataRetentionMonths));
        Assert.Equal((true, true, "A background talk.", source.Venue, source.Capacity), (copy.RequireSecurityData, copy.AllowRequests, copy.Description, copy.Venue, copy.Capacity));
        Assert.Equal(0, copy.ApprovedCount);
        Assert.Contains(copy.Team, t => t.Role == EventRole.Vetter && t.ApproverGroup == "Host office");
        Assert.Contains(copy.Team, t => t.Role == EventRole.Organiser);
        var questions = await check.RegistrationQuestions.Where(q => q.EventId == copy.Id).OrderBy(q => q.Label).ToListAsync();
        Assert.Equal(["Diet", "Your interest"], questions.Select(q => q.Label));
        Assert.Equal(["None", "Vegetarian"], questions[0].Options);
        Assert.Equal(await check.ReminderRules.CountAsync(r => r.EventId == s.EventId), await check.ReminderRules.CountAsync(r => r.EventId == copy.Id));
        Assert.Equal([("Speaker", TagColour.Purple)], (await check.RegistrationTags.Where(t => t.EventId == copy.Id).ToListAsync()).Select(t => (t.Name, t.Colour)));
        Assert.Equal(["event.copied"], await check.AuditEntries.Where(a => a.EventId == copy.Id).Select(a => a.Action).ToListAsync());

        // Nothing personal: every table that names an event, other than the settings above, holds nothing for the copy...
        foreach (var entity in check.Model.GetEntityTypes().Where(t => t.FindProperty("EventId") is not null && !t.HasSharedClrType && !CopiedSettings.Contains(t.ClrType)))
        {
            Assert.True(await CountForEventAsync(check, entity.ClrType, copy.Id) == 0, $"{entity.ClrType.Name} has rows for the copied event.");
        }

        // ...so neither do the tables that hang off registrations, invitations and the report; the directory is unchanged.
        Assert.Equal(0, await check.RegistrationTagAssignments.CountAsync(a => a.Tag!.EventId == copy.Id));
        Assert.Equal(0, await check.RegistrationAnswers.CountAsync(a => check.Registrations.Any(r => r.Id == a.RegistrationId && r.EventId == copy.Id)));
        Assert.Equal(0, await check.InvitationLinks.CountAsync(l => check.Invitations.Any(i => i.Id == l.InvitationId && i.EventId == copy.Id)));
        Assert.Equal(contactsBefore, await check.Contacts.CountAsync());
        Assert.Equal(1, await check.Registrations.CountAsync(r => r.Name == "Ada Novak"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_those_who_may_create_events_and_see_the_source_may_copy_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var copy = host.Scoped.GetRequiredService<CopyEvent>();
        var form = new CopyEventForm { Title = "Copy", StartsOn = new DateOnly(2027, 1, 20) };

        var byOtherOrganiser = await copy.ExecuteAsync(other.Organiser, s.EventId, form);
        var byVetterWithoutRole = await copy.ExecuteAsync(vetter, s.EventId, form);
        var intoOtherOrganisation = await copy.ExecuteAsync(s.Organiser, s.EventId, new CopyEventForm { Title = "Copy", StartsOn = new DateOnly(2027, 1, 20), OrganisationId = other.OrganisationId });
        var withoutDate = await copy.ExecuteAsync(s.Organiser, s.EventId, new CopyEventForm { Title = " " });

        Assert.Equal(OutcomeStatus.Forbidden, byOtherOrganiser.Status);
        Assert.Equal(OutcomeStatus.Forbidden, byVetterWithoutRole.Status);
        Assert.Equal(["You may not create events for that organisation: choose one that lets you."], intoOtherOrganisation.Errors[nameof(CopyEventForm.OrganisationId)]);
        Assert.Equal(["Enter a title."], withoutDate.Errors[nameof(CopyEventForm.Title)]);
        Assert.Equal(["Enter the new event's date."], withoutDate.Errors[nameof(CopyEventForm.StartsOn)]);
        Assert.Equal(2, await CountAsync(database, db => db.Events.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saved_texts_are_kept_per_organisation_and_language_and_only_its_organisers_see_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var save = host.Scoped.GetRequiredService<SaveSavedText>();
        var list = host.Scoped.GetRequiredService<ListSavedTexts>();

        Assert.True((await save.ExecuteAsync(s.Organiser, s.EventId, new SavedTextForm { Kind = SavedTextKind.Invitation, Name = "Formal", Subject = "Invitation: {event}", Body = "Dear {name}" })).Succeeded);
        Assert.True((await save.ExecuteAsync(s.Organiser, s.EventId, new SavedTextForm { Kind = SavedTextKind.Invitation, Name = "Formal", Language = "fr", Subject = "Invitation : {event}", Body = "Madame, Monsieur" })).Succeeded);
        Assert.True((await save.ExecuteAsync(s.Organiser, s.EventId, new SavedTextForm { Kind = SavedTextKind.Invitation, Name = "Formal", Subject = "Invitation: {event}", Body = "Dear {name}, again" })).Succeeded);
        var bad = await save.ExecuteAsync(s.Organiser, s.EventId, new SavedTextForm { Kind = SavedTextKind.Invitation, Name = "Formal", Language = "French!", Subject = "x", Body = "y" });
        var outsider = await save.ExecuteAsync(other.Organiser, s.EventId, new SavedTextForm { Kind = SavedTextKind.Invitation, Name = "Mine", Subject = "x", Body = "y" });

        var texts = (await list.ExecuteAsync(s.Organiser, s.EventId, SavedTextKind.Invitation)).Value!;
        Assert.Equal([("Formal", "en", "Dear {name}, again"), ("Formal", "fr", "Madame, Monsieur")], texts.Select(t => (t.Name, t.Language, t.Body)));
        Assert.Equal(["Give the language as a short code such as en, fr or de."], bad.Errors[nameof(SavedTextForm.Language)]);
        Assert.Equal(OutcomeStatus.Forbidden, outsider.Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await list.ExecuteAsync(other.Organiser, s.EventId, SavedTextKind.Invitation)).Status);
        Assert.Empty((await list.ExecuteAsync(other.Organiser, other.EventId, SavedTextKind.Invitation)).Value!);
        Assert.Empty((await list.ExecuteAsync(s.Organiser, s.EventId, SavedTextKind.Message)).Value!);
    }

    private static async Task<int> CountAsync(TestDatabase database, Func<EventHubDbContext, Task<int>> count)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await count(db);
    }

    private static Task<int> CountForEventAsync(EventHubDbContext db, Type entity, Guid eventId)
        => (Task<int>)typeof(CopyEventTests).GetMethod(nameof(CountForEventOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity).Invoke(null, [db, eventId])!;

    private static Task<int> CountForEventOf<T>(EventHubDbContext db, Guid eventId) where T : class
        => db.Set<T>().CountAsync(x => EF.Property<Guid?>(x, "EventId") == eventId);
}
