using EventHub.Core.Data;
using EventHub.Core.Door;
using EventHub.Core.Features.Door;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Registrations;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Tests.Door;

/// <summary>The event is on Wednesday 9 December 2026, 10:00–13:00 in Brussels (UTC+1).</summary>
public sealed class DoorDayTests
{
    [Fact]
    public void The_door_day_is_the_events_local_day_widened_by_the_configured_days()
    {
        var starts = new DateTime(2026, 12, 9, 9, 0, 0, DateTimeKind.Utc);
        var ends = new DateTime(2026, 12, 9, 12, 0, 0, DateTimeKind.Utc);

        var day = new DoorWindow(Options.Create(new DoorOptions())).For(starts, ends, "Europe/Brussels");
        var widened = new DoorWindow(Options.Create(new DoorOptions { DaysBefore = 1, DaysAfter = 2 })).For(starts, ends, "Europe/Brussels");
        var overnight = new DoorWindow(Options.Create(new DoorOptions())).For(starts, ends.AddHours(14), "Europe/Brussels");

        Assert.Equal(new DateTime(2026, 12, 8, 23, 0, 0), day.OpensAtUtc); // midnight in Brussels
        Assert.Equal(new DateTime(2026, 12, 9, 23, 0, 0), day.ClosesAtUtc);
        Assert.Equal("Wednesday 9 December 2026", day.Describe());
        Assert.False(day.Contains(new DateTime(2026, 12, 8, 22, 59, 0)));
        Assert.True(day.Contains(new DateTime(2026, 12, 9, 22, 59, 0)));
        Assert.Equal(new DateTime(2026, 12, 7, 23, 0, 0), widened.OpensAtUtc);
        Assert.Equal(new DateTime(2026, 12, 11, 23, 0, 0), widened.ClosesAtUtc);
        Assert.Equal("Wednesday 9 December – Thursday 10 December 2026", overnight.Describe());
        Assert.Contains("before the event's day", day.Warning(new DateTime(2026, 11, 25, 9, 0, 0)));
        Assert.Contains("the event is over", day.Warning(new DateTime(2026, 12, 10, 9, 0, 0)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Fourteen_days_early_the_door_asks_before_admitting_and_writes_nothing_until_confirmed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, now: new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var s = await VettingScenario.CreateAsync(database, host);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think Institute");
        var bob = await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example", "EEAS");
        foreach (var r in new[] { ada, bob })
        {
            await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, r.Id, new DecisionForm { Decision = VettingDecision.Approved }));
        }

        string adaToken;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            adaToken = host.Services.GetRequiredService<AccessPasses>().Token(await db.AccessPasses.SingleAsync(p => p.RegistrationId == ada.Id));
        }

        var asked = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInPass>().ExecuteAsync(door, s.EventId, adaToken, "Main entrance"));
        var askedByName = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInByName>().ExecuteAsync(door, s.EventId, bob.Id, "Main entrance"));
        int before;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            before = await db.CheckIns.CountAsync();
        }

        var confirmed = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInPass>().ExecuteAsync(door, s.EventId, adaToken, "Main entrance", confirmedOutsideDay: true));
        var againUnconfirmed = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInPass>().ExecuteAsync(door, s.EventId, adaToken, "Main entrance"));
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 8, 30, 0, TimeSpan.Zero));
        var onTheDay = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInByName>().ExecuteAsync(door, s.EventId, bob.Id, "Main entrance"));

        Assert.Equal(DoorVerdict.NeedsConfirmation, asked.Value!.Verdict);
        Assert.Equal("Ada Novak", asked.Value.Name);
        Assert.Equal("The door opens on Wednesday 9 December 2026: this is before the event's day.", asked.Value.Warning);
        Assert.Equal(DoorVerdict.NeedsConfirmation, askedByName.Value!.Verdict);
        Assert.Equal(0, before);
        Assert.Equal(DoorVerdict.Admitted, confirmed.Value!.Verdict);
        Assert.Equal(DoorVerdict.AlreadyIn, againUnconfirmed.Value!.Verdict); // already in needs no question
        Assert.Equal(DoorVerdict.Admitted, onTheDay.Value!.Verdict);
    }
}
