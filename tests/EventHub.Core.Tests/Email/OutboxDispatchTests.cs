using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EventHub.Core.Tests.Email;

/// <summary>The outbox end to end: rows written with the business change, delivered over a real SMTP conversation.</summary>
public sealed class OutboxDispatchTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static Dictionary<string, string?> SmtpSettings(SmtpSink sink) => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:From"] = "EventHub <no-reply@eventhub.test>",
        ["Smtp:Host"] = sink.Host,
        ["Smtp:Port"] = sink.Port.ToString(),
        ["Smtp:Security"] = "None",
    };

    private static async Task QueueAsync(CoreTestHost host, params string[] recipients)
    {
        await using var scope = host.Scope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<EventHubDbContext>>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await using var db = await factory.CreateDbContextAsync();
        foreach (var to in recipients)
        {
            outbox.Queue(db, new EmailToQueue($"test:{to}", to, "Ms Recipient", $"Hello {to}", new RenderedEmail($"<p>Hello <a href=\"http://x.test/{to}\">link</a></p>", $"Hello http://x.test/{to}")));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<OutboundEmail>> RowsAsync(CoreTestHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
        return await db.OutboundEmails.AsNoTracking().OrderBy(e => e.ToAddress).ToListAsync();
    }

    private static async Task<DispatchSummary> DispatchAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_use_case_that_rolls_back_leaves_no_email(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        }

        // A business change (a second organisation with a name that already exists) and its email, in one transaction.
        var outbox = host.Services.GetRequiredService<EmailOutbox>();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync())
        {
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), Name = "Konrad-Adenauer-Stiftung" });
            outbox.Queue(db, new EmailToQueue("org:duplicate", "someone@example.org", null, "Welcome", new RenderedEmail("<p>Hi</p>", "Hi")));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await RowsAsync(host));
        Assert.Equal(0, host.Trigger.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_intention_cannot_be_queued_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await QueueAsync(host, "ada@example.org");
        await Assert.ThrowsAsync<DbUpdateException>(() => QueueAsync(host, "ada@example.org"));
        Assert.Single(await RowsAsync(host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatcher_delivers_over_one_reused_smtp_connection_and_marks_rows_sent(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, SmtpSettings(sink));
        await QueueAsync(host, "ada@example.org", "bob@example.org", "cem@example.org");
        Assert.True(host.Trigger.Count >= 1, "a commit that adds emails asks for a prompt dispatch");

        var summary = await DispatchAsync(host);

        Assert.Equal(3, summary.Sent);
        var received = await sink.WaitForAsync(3, Wait);
        Assert.Equal(["ada@example.org", "bob@example.org", "cem@example.org"], received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(received, m => Assert.StartsWith("Hello ", m.Subject));
        Assert.Equal(1, sink.Sessions);
        var rows = await RowsAsync(host);
        Assert.All(rows, r => Assert.Equal(OutboundEmailStatus.Sent, r.Status));
        Assert.All(rows, r => Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, r.SentAtUtc));
        // The Message-ID is derived from the row: a resend after a crash is recognisable as the same message.
        var mime = host.Services.GetRequiredService<MimeMessageFactory>();
        Assert.Equal(rows.Select(r => mime.MessageIdFor(r.Id)).Order(), received.Select(m => m.MessageId).Order());

        // Running it again sends nothing twice.
        Assert.Equal(0, (await DispatchAsync(host)).Claimed);
        Assert.Equal(3, sink.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_4xx_answer_is_retried_later_with_backoff(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, SmtpSettings(sink));
        sink.Refuse("busy@example.org", 451, "Greylisted, try again later");
        await QueueAsync(host, "busy@example.org", "fine@example.org");

        var first = await DispatchAsync(host);

        Assert.Equal((1, 1), (first.Sent, first.Retrying));
        var busy = (await RowsAsync(host)).Single(r => r.ToAddress == "busy@example.org");
        Assert.Equal(OutboundEmailStatus.Pending, busy.Status);
        Assert.Equal(1, busy.Attempts);
        Assert.Contains("451", busy.LastError);
        Assert.True(busy.NextAttemptAtUtc > host.Clock.GetUtcNow().UtcDateTime, "the retry waits");

        // Not yet due: nothing happens.
        Assert.Equal(0, (await DispatchAsync(host)).Claimed);

        sink.Accept("busy@example.org");
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await DispatchAsync(host);

        Assert.Equal(1, second.Sent);
        busy = (await RowsAsync(host)).Single(r => r.ToAddress == "busy@example.org");
        Assert.Equal(OutboundEmailStatus.Sent, busy.Status);
        Assert.Equal(2, busy.Attempts);
        Assert.Single(sink.Messages, m => m.To.Mailboxes.Single().Address == "busy@example.org");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_5xx_answer_marks_the_email_failed_with_the_servers_reply(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, SmtpSettings(sink));
        sink.Refuse("gone@example.org", 550, "No such user here");
        await QueueAsync(host, "gone@example.org", "fine@example.org");

        var summary = await DispatchAsync(host);

        Assert.Equal((1, 1), (summary.Sent, summary.Failed));
        var gone = (await RowsAsync(host)).Single(r => r.ToAddress == "gone@example.org");
        Assert.Equal(OutboundEmailStatus.Failed, gone.Status);
        Assert.Contains("550", gone.LastError);
        Assert.Contains("No such user here", gone.LastError);
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await DispatchAsync(host)).Claimed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_out_of_attempts_is_failed(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = SmtpSettings(sink);
        settings["Email:MaxAttempts"] = "3";
        await using var host = CoreTestHost.Create(database, settings);
        sink.Refuse("full@example.org", 452, "Mailbox full");
        await QueueAsync(host, "full@example.org");

        for (var i = 0; i < 3; i++)
        {
            await DispatchAsync(host);
            host.Clock.Advance(TimeSpan.FromHours(3));
        }

        var row = Assert.Single(await RowsAsync(host));
        Assert.Equal(OutboundEmailStatus.Failed, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Contains("Gave up after 3 attempts", row.LastError);
        Assert.Contains("452", row.LastError);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unreachable_relay_keeps_every_message_for_later(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = SmtpSink.FreePort().ToString(), // nobody listens there
            ["Smtp:Security"] = "None",
            ["Smtp:TimeoutSeconds"] = "5",
        });
        await QueueAsync(host, "a@example.org", "b@example.org", "c@example.org");

        await DispatchAsync(host);

        var rows = await RowsAsync(host);
        Assert.All(rows, r => Assert.Equal(OutboundEmailStatus.Pending, r.Status));
        Assert.All(rows, r => Assert.True(r.NextAttemptAtUtc > host.Clock.GetUtcNow().UtcDateTime));
        Assert.Contains(rows, r => r.LastError?.Contains("Connection to 127.0.0.1") == true);
        Assert.True(rows.Sum(r => r.Attempts) <= 1, "after the first connection failure the rest of the batch is given back untried");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_dispatchers_at_once_deliver_each_message_exactly_once(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = SmtpSettings(sink);
        settings["Email:BatchSize"] = "10";
        await using var nodeA = CoreTestHost.Create(database, settings);
        await using var nodeB = CoreTestHost.Create(database, settings);
        var recipients = Enumerable.Range(0, 150).Select(i => $"expert{i:000}@example.org").ToArray();
        await QueueAsync(nodeA, recipients);

        var results = await Task.WhenAll(Task.Run(() => DispatchAsync(nodeA)), Task.Run(() => DispatchAsync(nodeB)));

        Assert.Equal(150, results.Sum(r => r.Sent));
        var received = await sink.WaitForAsync(150, Wait);
        Assert.Equal(150, received.Count);
        Assert.Equal(150, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(recipients, received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(await RowsAsync(nodeA), r => Assert.Equal((OutboundEmailStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_claim_left_by_a_dead_dispatcher_is_taken_over_after_it_expires(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, SmtpSettings(sink));
        await QueueAsync(host, "late@example.org");
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // What a node that crashed mid-send leaves behind.
            var now = host.Clock.GetUtcNow().UtcDateTime;
            await db.OutboundEmails.ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboundEmailStatus.Sending)
                .SetProperty(e => e.ClaimToken, Guid.NewGuid())
                .SetProperty(e => e.ClaimExpiresAtUtc, now.AddMinutes(5)));
        }

        Assert.Equal(0, (await DispatchAsync(host)).Claimed);
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, (await DispatchAsync(host)).Sent);
        await sink.WaitForMessageToAsync("late@example.org", Wait);
    }

    [Fact]
    public async Task The_pickup_transport_writes_a_readable_eml_file()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?> { ["Email:Transport"] = "Pickup", ["Email:PickupDirectory"] = "mail" });
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            host.Services.GetRequiredService<EmailOutbox>().Queue(db, new EmailToQueue(
                "test:pickup", "ada@example.org", "Ada Lovelace", "Your access pass",
                new RenderedEmail("<p>Bring <strong>your pass</strong>.</p>", "Bring your pass.\n"),
                Attachments: [new EmailAttachment("pass.txt", "text/plain", "PASS-123"u8.ToArray())]));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await DispatchAsync(host)).Sent);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(host.ContentRoot, "mail"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Your access pass", message.Subject);
        Assert.Equal("Ada Lovelace", message.To.Mailboxes.Single().Name);
        Assert.Equal("ada@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("<strong>your pass</strong>", message.HtmlBody);
        Assert.Equal("Bring your pass.", message.TextBody?.Trim());
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("pass.txt", attachment.FileName);
        Assert.Equal(OutboundEmailStatus.Sent, Assert.Single(await RowsAsync(host)).Status);
    }
}
