using System.Text;
using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Activity;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Activity;

public sealed class EventActivityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organisers_read_their_events_activity_in_plain_words_filtered_and_in_the_events_time_zone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter, "Host office");
        var audit = host.Services.GetRequiredService<AuditLog>();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // 23:30 UTC on 3 November is already 4 November in Brussels (CET, UTC+1).
            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.Zero));
            audit.Record(db, vetter, "registration.approval", s.EventId, nameof(Registration), Guid.NewGuid().ToString(), "Anna Weber approved by Host office");
            audit.Record(db, null, "registration.cancelled", s.EventId, nameof(Registration), Guid.NewGuid().ToString(), "Bruno Lenz cancelled");
            audit.Record(db, other.Organiser, "event.updated", other.EventId, nameof(Event), other.EventId.ToString(), "Another foundation's meeting");
            await db.SaveChangesAsync();
        }

        var list = host.Scoped.GetRequiredService<ListEventActivity>();
        var all = (await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery())).Value!;
        var byVetter = (await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { PersonId = all.People.Single(p => p.Name == "vera").Id })).Value!;
        var byLink = (await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { PersonId = ActivityQuery.Nobody })).Value!;
        var approvals = (await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { Action = "registration.approval" })).Value!;
        var fourth = (await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { From = new DateOnly(2026, 11, 4), To = new DateOnly(2026, 11, 4) })).Value!;
        var third = (await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { From = new DateOnly(2026, 11, 3), To = new DateOnly(2026, 11, 3) })).Value!;
        var backwards = await list.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { From = new DateOnly(2026, 11, 4), To = new DateOnly(2026, 11, 3) });

        Assert.Contains("Anna Weber was approved by Host office, decided by vera.", all.Items.Select(i => i.Sentence));
        Assert.Contains("Bruno Lenz cancelled their registration.", all.Items.Select(i => i.Sentence));
        Assert.DoesNotContain(all.Items, i => i.Sentence.Contains("Another foundation", StringComparison.Ordinal));
        Assert.Equal(["Anna Weber was approved by Host office, decided by vera."], byVetter.Items.Select(i => i.Sentence));
        Assert.Equal(["registration.cancelled"], byLink.Items.Select(i => i.Action));
        Assert.Equal("Registration approved", approvals.Items.Single().Label);
        Assert.Equal("4 Nov 2026, 00:30 CET", approvals.Items.Single().When);
        Assert.Equal(2, fourth.Total);
        Assert.DoesNotContain(third.Items, i => i.Action is "registration.approval" or "registration.cancelled");
        Assert.Equal(["The last day is before the first day."], backwards.Errors[nameof(ActivityQuery.To)]);
        Assert.Contains(("registration.approval", "Registration approved"), all.Actions);
        Assert.Equal(OutcomeStatus.Forbidden, (await list.ExecuteAsync(other.Organiser, s.EventId, new ActivityQuery())).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await list.ExecuteAsync(vetter, s.EventId, new ActivityQuery())).Status);

        var export = host.Scoped.GetRequiredService<ExportEventActivity>();
        var csv = await export.ExecuteAsync(s.Organiser, s.EventId, new ActivityQuery { Action = "registration.approval" });
        var refused = await export.ExecuteAsync(other.Organiser, s.EventId, new ActivityQuery());
        var text = Encoding.UTF8.GetString(csv.Value!.Content);
        Assert.Contains("When,Who,What happened,Kind,Action code", text);
        Assert.Contains("\"4 Nov 2026, 00:30 CET\",vera,\"Anna Weber was approved by Host office, decided by vera.\",Registration approved,registration.approval", text);
        Assert.DoesNotContain("Bruno", text);
        Assert.Equal(OutcomeStatus.Forbidden, refused.Status);
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "activity.exported" && a.EventId == s.EventId));
    }
}
