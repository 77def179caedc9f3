using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Email;

public sealed class RelayThrottleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dispatcher_holds_the_relays_rate_and_loses_nothing(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp", ["Smtp:Host"] = sink.Host, ["Smtp:Port"] = sink.Port.ToString(), ["Smtp:Security"] = "None",
            ["Email:RelayMessagesPerMinute"] = "30",
        };
        // Two nodes share the relay's limit.
        await using var nodeA = CoreTestHost.Create(database, settings);
        await using var nodeB = CoreTestHost.Create(database, settings);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var outbox = nodeA.Services.GetRequiredService<EmailOutbox>();
            for (var i = 0; i < 100; i++)
            {
                outbox.Queue(db, new EmailToQueue($"test:{i}", $"expert{i:000}@example.org", null, "Invitation", new RenderedEmail("<p>Hi</p>", "Hi")));
            }

            await db.SaveChangesAsync();
        }

        // Both nodes run every 10 seconds for 5 minutes of fake time.
        for (var step = 0; step < 30; step++)
        {
            await Task.WhenAll(
                nodeA.Services.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None),
                nodeB.Services.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None));
            nodeA.Clock.Advance(TimeSpan.FromSeconds(10));
            nodeB.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        var sentTimes = await check.OutboundEmails.Where(e => e.Status == OutboundEmailStatus.Sent).Select(e => e.SentAtUtc!.Value).ToListAsync();
        Assert.Equal(100, sentTimes.Count);
        Assert.Equal(100, (await sink.WaitForAsync(100, TimeSpan.FromSeconds(10))).Count);
        // In every 60-second window, at most 30 messages.
        var busiest = sentTimes.Max(t => sentTimes.Count(u => u >= t && u < t.AddMinutes(1)));
        Assert.InRange(busiest, 1, 30);
        var span = sentTimes.Max() - sentTimes.Min();
        Assert.True(span >= TimeSpan.FromMinutes(3), $"100 messages at 30 a minute take at least 3 minutes, took {span}");
    }
}
