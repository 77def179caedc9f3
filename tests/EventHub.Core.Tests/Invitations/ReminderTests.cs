using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Invitations;

/// <summary>Reminders with a fake clock: who gets them, when, and never twice.</summary>
public sealed class ReminderTests
{
    private static async Task<int> RunJobAsync(CoreTestHost host) => (await host.Services.GetRequiredService<QueueDueReminders>().ExecuteAsync(CancellationToken.None)).Queued;

    private static async Task InviteAsync(InvitationScenario s, params Guid[] ids)
    {
        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [.. ids] }));
        Assert.True(outcome.Succeeded);
    }

    private static async Task<List<string>> ReminderRecipientsAsync(InvitationScenario s) =>
        (await s.EmailsAsync()).Where(e => e.CorrelationKey.StartsWith("reminder:")).Select(e => e.ToAddress).Order().ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_nudge_goes_only_to_non_responders_and_only_once_when_the_job_runs_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database); // 2 November 2026, 09:00 UTC
        var s = await InvitationScenario.CreateAsync(database, host, new DateTime(2026, 12, 9, 10, 0, 0));
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddContactAsync("Bob Meyer", "bob@eeas.example");
        var cem = await s.AddContactAsync("Cem Kaya", "cem@nato.example");
        await InviteAsync(s, ada.Id, bob.Id, cem.Id);
        var tokens = (await s.EmailsAsync()).ToDictionary(e => e.ToAddress, InvitationScenario.TokenIn);
        Assert.True((await host.Scoped.GetRequiredService<DeclineInvitation>().ExecuteAsync(tokens["bob@eeas.example"], new DeclineForm())).Succeeded);
        Assert.True((await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(tokens["cem@nato.example"], new AcceptForm { Name = "Cem Kaya", Email = "cem@nato.example", Organisation = "NATO", AcknowledgeRule = true })).Succeeded);

        host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await RunJobAsync(host)); // the default nudge waits 7 days

        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunJobAsync(host));
        Assert.Equal(0, await RunJobAsync(host));
        Assert.Equal(["ada@think.example"], await ReminderRecipientsAsync(s));
        var nudge = (await s.EmailsAsync()).Single(e => e.CorrelationKey.StartsWith("reminder:"));
        Assert.Equal("Reminder: Security Engagement in Central Asia", nudge.Subject);
        // The nudge carries a fresh personal link that opens the same invitation.
        Assert.Equal("Ada Novak", (await host.Scoped.GetRequiredService<OpenInvitation>().ExecuteAsync(InvitationScenario.TokenIn(nudge)))!.InviteeName);

        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await RunJobAsync(host)); // the second and last nudge
        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await RunJobAsync(host)); // at most two
        Assert.Equal(["ada@think.example", "ada@think.example"], await ReminderRecipientsAsync(s));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(2, (await db.Invitations.SingleAsync(i => i.ContactId == ada.Id)).NudgesSent);

        // Once the event starts, the unanswered invitation has expired; no more nudges.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunJobAsync(host));
        Assert.Equal(InvitationStatus.Expired, (await db.Invitations.AsNoTracking().SingleAsync(i => i.ContactId == ada.Id)).Status);
        Assert.Equal(InvitationStatus.Declined, (await db.Invitations.AsNoTracking().SingleAsync(i => i.ContactId == bob.Id)).Status);
    }

    public static IEnumerable<object[]> DaylightSavingCases()
    {
        foreach (var provider in TestDatabase.Providers())
        {
            // Autumn: summer time ends on 25 October 2026. The 7-day reminder (27 Oct) and the 1-day one (2 Nov) are both in CET (UTC+1).
            yield return [provider[0], new DateTime(2026, 11, 3, 10, 0, 0), new DateTime(2026, 10, 27, 8, 0, 0), new DateTime(2026, 11, 2, 8, 0, 0)];
            // Spring: summer time starts on 28 March 2027. 7 days before is still CET (08:00 UTC); 1 day before is CEST (07:00 UTC).
            yield return [provider[0], new DateTime(2027, 4, 1, 10, 0, 0), new DateTime(2027, 3, 25, 8, 0, 0), new DateTime(2027, 3, 31, 7, 0, 0)];
        }
    }

    [Theory]
    [MemberData(nameof(DaylightSavingCases))]
    public async Task Before_event_reminders_fire_at_nine_in_the_events_time_zone_across_daylight_saving(DatabaseProvider provider, DateTime eventStartLocal, DateTime sevenDaysUtc, DateTime oneDayUtc)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, now: new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        var s = await InvitationScenario.CreateAsync(database, host, eventStartLocal);
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddContactAsync("Bob Meyer", "bob@eeas.example");
        await InviteAsync(s, ada.Id, bob.Id);
        var adaToken = InvitationScenario.TokenIn((await s.EmailsAsync()).Single(e => e.ToAddress == "ada@think.example"));
        Assert.True((await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(adaToken, new AcceptForm { Name = "Ada Novak", Email = "ada@think.example", Organisation = "Think", AcknowledgeRule = true })).Succeeded);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // Only the before-event rules matter here.
            await db.ReminderRules.Where(r => r.Kind == ReminderKind.RsvpNudge).ExecuteUpdateAsync(u => u.SetProperty(r => r.Enabled, false));
        }

        host.Clock.SetUtcNow(new DateTimeOffset(sevenDaysUtc.AddMinutes(-1), TimeSpan.Zero));
        Assert.Equal(0, await RunJobAsync(host));
        host.Clock.SetUtcNow(new DateTimeOffset(sevenDaysUtc, TimeSpan.Zero));
        Assert.Equal(1, await RunJobAsync(host));
        Assert.Equal(0, await RunJobAsync(host));

        host.Clock.SetUtcNow(new DateTimeOffset(oneDayUtc.AddMinutes(-1), TimeSpan.Zero));
        Assert.Equal(0, await RunJobAsync(host));
        host.Clock.SetUtcNow(new DateTimeOffset(oneDayUtc, TimeSpan.Zero));
        Assert.Equal(1, await RunJobAsync(host));
        Assert.Equal(0, await RunJobAsync(host));

        var reminders = (await s.EmailsAsync()).Where(e => e.CorrelationKey.StartsWith("reminder:")).ToList();
        Assert.Equal(["ada@think.example", "ada@think.example"], reminders.Select(r => r.ToAddress)); // registered only; Bob never answered
        Assert.Equal(["In one week: Security Engagement in Central Asia", "Tomorrow: Security Engagement in Central Asia"], reminders.Select(r => r.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_one_off_message_reaches_its_audience_once_at_the_chosen_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, new DateTime(2026, 12, 9, 10, 0, 0));
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddContactAsync("Bob Meyer", "bob@eeas.example");
        await InviteAsync(s, ada.Id, bob.Id);
        var saved = await s.InScopeAsync(sp => sp.GetRequiredService<EventHub.Core.Features.Reminders.SaveReminderRule>().ExecuteAsync(s.Organiser, s.EventId, new EventHub.Core.Features.Reminders.ReminderRuleForm
        {
            Kind = ReminderKind.OneOff, Audience = ReminderAudience.NonResponders, SendAtLocal = new DateTime(2026, 11, 5, 14, 0, 0),
            Subject = "Programme update for {event}", Message = "Dear {name}, the programme has changed.",
        }));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 5, 12, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunJobAsync(host));
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 5, 13, 0, 0, TimeSpan.Zero)); // 14:00 CET
        Assert.Equal(2, await RunJobAsync(host));
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunJobAsync(host));
        Assert.Equal(["ada@think.example", "bob@eeas.example"], await ReminderRecipientsAsync(s));
    }
}
