using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EventHub.Benchmarks;

/// <summary>
/// The outbox dispatcher sends 10,000 queued invitation emails (SQLite file) to an in-process SMTP server on loopback, side by
/// side with its ceiling: a plain MailKit loop that builds the same 10,000 messages and sends them over one reused connection.
/// The sink only counts (no MIME parsing), so both share the two cores with as little of the sink as possible.
/// Queueing the 10,000 rows is the iteration setup of the EventHub benchmark and is not measured.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class DispatchOutboxBenchmark
{
    private const int Emails = 10_000;
    private const string From = "EventHub <no-reply@eventhub.test>";
    private SmtpSink sink = null!;
    private TestDatabase database = null!;
    private CoreTestHost host = null!;
    private RenderedEmail body = null!;
    private string subject = "";

    /// <summary>Email:BatchSize, how many rows the dispatcher claims at a time (EventHub's default is 100).</summary>
    public int BatchSize { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("EVENTHUB_BENCH_BATCHSIZE"), out var n) ? n : 100;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        sink = new SmtpSink(parseMessages: false, promptAcks: true);
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        host = CoreTestHost.Create(database, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:From"] = From,
            ["Email:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Host"] = sink.Host,
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        });

        // A real invitation body (Razor template, HTML and text), the same for every message of both benchmarks.
        subject = "Invitation: Security Engagement in Central Asia, 3 December 2026";
        await using var scope = host.Scope();
        body = await scope.ServiceProvider.GetRequiredService<EmailComposer>().RenderAsync<InvitationEmail>(new Dictionary<string, object?>
        {
            [nameof(InvitationEmail.Title)] = subject,
            [nameof(InvitationEmail.Organisation)] = "Konrad-Adenauer-Stiftung",
            [nameof(InvitationEmail.Paragraphs)] = new[]
            {
                "Dear Zoë Müller,",
                "The Konrad-Adenauer-Stiftung would be honoured by your participation in a closed-door expert meeting on security engagement in Central Asia, on Thursday 3 December 2026, 14:00–17:00 CET, in Brussels (Room ASP 5G2).",
                "The meeting is held under the Chatham House Rule. Places are limited; please reply with the personal link below.",
                "With kind regards,\nClara",
            },
            [nameof(InvitationEmail.Link)] = "http://eventhub.test/i/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE",
            [nameof(InvitationEmail.UnsubscribeLink)] = "http://eventhub.test/unsubscribe/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        });
    }

    [IterationSetup(Target = nameof(EventHubDispatcher))]
    public void QueueEmails() => QueueAsync().GetAwaiter().GetResult();

    private async Task QueueAsync()
    {
        await using var scope = host.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await using var db = await database.Factory.CreateDbContextAsync();
        await db.OutboundEmails.ExecuteDeleteAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < Emails; i++)
        {
            outbox.Queue(db, new EmailToQueue($"bench:{Guid.NewGuid():N}", $"expert{i}@example.eu", $"Zoë Müller {i}", subject, body));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The ceiling: MailKit alone, building each message as EventHub does and sending it over one connection.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> PlainMailKitLoop()
    {
        var before = sink.Received;
        var from = MailboxAddress.Parse(From);
        using var client = new SmtpClient();
        await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None);
        for (var i = 0; i < Emails; i++)
        {
            var message = new MimeMessage();
            message.From.Add(from);
            message.To.Add(new MailboxAddress($"Zoë Müller {i}", $"expert{i}@example.eu"));
            message.Subject = subject;
            message.MessageId = $"{Guid.CreateVersion7():N}@eventhub.test";
            message.Date = DateTimeOffset.UtcNow;
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Body = new BodyBuilder { HtmlBody = body.Html, TextBody = body.Text }.ToMessageBody();
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(quit: true);
        return Check(sink.Received - before);
    }

    [Benchmark]
    public async Task<int> EventHubDispatcher()
    {
        var before = sink.Received;
        await using var scope = host.Scope();
        var summary = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
        return summary.Sent == Emails ? Check(sink.Received - before) : throw new InvalidOperationException($"Expected {Emails} sent: {summary}");
    }

    private static int Check(int received) => received == Emails ? received : throw new InvalidOperationException($"The sink received {received} of {Emails}.");

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
        await sink.DisposeAsync();
    }
}
