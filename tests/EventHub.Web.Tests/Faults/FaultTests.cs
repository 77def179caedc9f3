using System.Diagnostics;
using System.Text;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Features.Directory;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventHub.Web.Tests.Faults;

/// <summary>
/// Faults the system must survive with nothing lost: a dispatcher process killed mid-way, a relay that is down for a while,
/// a database that is busy. Each prints its figures (copied into docs/security.md, "Faults").
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private static async Task QueueAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            var to = $"person{i:D4}@example.org";
            outbox.Queue(db, new EmailToQueue($"fault:{i}", to, $"Person {i}", $"Message {i}", new RenderedEmail($"<p>Message {i}</p>", $"Message {i}")));
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_dispatcher_killed_while_sending_1000_emails_and_restarted_delivers_every_one_with_duplicates_only_from_its_last_batch()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var sink = new SmtpSink();
        await using (var host = CoreTestHost.Create(database))
        {
            await QueueAsync(host.Services, 1000);
        }

        // The relay accepts 230 messages and leaves the 231st unanswered: the dispatcher is then certainly in the middle of its
        // fifth batch of 50 (four batches marked Sent, 30 of the fifth accepted but not yet marked), which is where it is killed.
        sink.HoldAfter(230);

        // A real process, killed for real: the host's own `dispatch-outbox` verb against the same file database.
        using (var first = StartDispatcher(database, sink))
        {
            var started = Stopwatch.StartNew();
            var held = await Task.WhenAny(sink.Holding, first.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
            Assert.True(held == sink.Holding, first.HasExited
                ? $"the dispatcher exited (code {first.ExitCode}) before it was held: {await first.StandardError.ReadToEndAsync()}"
                : "the dispatcher did not reach the 231st message within three minutes");
            output.WriteLine($"Dispatcher held mid-send after {started.Elapsed.TotalSeconds:F1} s with {sink.Received} emails accepted.");

            // SIGKILL, as the OOM killer or a pulled plug would: no shutdown hooks, no flushing.
            using (var kill = Process.Start("kill", ["-9", first.Id.ToString()]))
            {
                await kill!.WaitForExitAsync();
            }

            var exited = Stopwatch.StartNew();
            Assert.True(first.WaitForExit(TimeSpan.FromSeconds(10)), "the dispatcher did not die on SIGKILL");
            output.WriteLine($"Dispatcher gone {exited.ElapsedMilliseconds} ms after SIGKILL, exit code {first.ExitCode}.");
        }

        // The relay had the held message whole: it accepts it now, as a real relay would after the sender vanished.
        sink.ReleaseHold();
        await Task.Delay(200);

        var receivedAtKill = sink.Received;
        var (sentAtKill, inFlightAtKill) = await CountAsync(database);
        output.WriteLine($"Killed after {receivedAtKill} emails had arrived; rows Sent: {sentAtKill}, claimed but not marked (in flight): {inFlightAtKill}.");
        Assert.Equal(231, receivedAtKill);
        Assert.Equal(200, sentAtKill); // four whole batches were marked
        Assert.Equal(50, inFlightAtKill); // the fifth was claimed, and its 31 sends were never recorded

        // The claims of the dead process expire (ClaimTimeout 2 s here), then a new process takes them over.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using (var second = StartDispatcher(database, sink))
        {
            Assert.True(second.WaitForExit(TimeSpan.FromMinutes(3)), "the restarted dispatcher did not finish");
            Assert.True(second.ExitCode == 0, await second.StandardError.ReadToEndAsync());
        }

        var messageIds = sink.Messages.Select(m => m.MessageId).ToList();
        var distinct = messageIds.Distinct().Count();
        var duplicates = messageIds.Count - distinct;
        var (sent, inFlight) = await CountAsync(database);
        output.WriteLine($"After the restart: {messageIds.Count} arrived, {distinct} distinct, {duplicates} duplicates; rows Sent: {sent}, in flight: {inFlight}.");

        Assert.Equal(1000, distinct);
        Assert.Equal(1000, sent);
        Assert.Equal(0, inFlight);
        // At least once, at most once more for what was in flight: the 31 of the fifth batch the relay already had.
        Assert.InRange(duplicates, 1, inFlightAtKill);
    }

    [Fact]
    public async Task A_relay_down_for_hours_then_back_gets_every_email_and_none_is_marked_failed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = SmtpSink.FreePort();
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(),
            ["Smtp:Security"] = "None",
            ["Smtp:TimeoutSeconds"] = "5",
            ["Email:MaxAttempts"] = "3",
        });
        await QueueAsync(host.Services, 50);

        // Down: the sweep runs every ten minutes for six hours (far beyond MaxAttempts), and the relay refuses every connection.
        for (var minute = 0; minute < 6 * 60; minute += 10)
        {
            await using var scope = host.Scope();
            await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromMinutes(10));
            if (minute % 60 == 0)
            {
                var failedSoFar = await host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContext().OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Failed);
                Assert.Equal(0, failedSoFar);
            }
        }

        // Back, on the same address.
        await using var sink = new SmtpSink(port: port);
        for (var round = 0; round < 5 && sink.Received < 50; round++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await using var scope = host.Scope();
            await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
        var statuses = await db.OutboundEmails.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        output.WriteLine("After six hours down and the relay back: " + string.Join(", ", statuses.Select(s => $"{s.Key} {s.Count}")) + $"; {sink.Messages.Count} arrived.");
        Assert.Equal(50, sink.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(50, await db.OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Sent));
        Assert.Equal(0, await db.OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Failed));
    }

    [Fact]
    public async Task An_import_while_another_connection_holds_the_database_waits_for_it_or_fails_whole_and_succeeds_when_retried()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // A busy timeout of one second, so "longer than the timeout" is quick to reach.
        var shortTimeout = database.ConnectionString.Replace("Default Timeout=30", "Default Timeout=1");
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?> { ["Database:ConnectionString"] = shortTimeout });
        await using var setup = await database.Factory.CreateDbContextAsync();
        var admin = await TestUsers.CreateStaffAsync(setup, "admin@example.org", null, administrator: true);
        var kas = await TestUsers.CreateOrganisationAsync(setup, "Konrad-Adenauer-Stiftung", "KAS");
        var csv = new StringBuilder("Name,Email\n");
        for (var i = 0; i < 50; i++)
        {
            csv.Append($"Expert {i},expert{i}@example.org\n");
        }

        var file = Encoding.UTF8.GetBytes(csv.ToString());
        var request = new ImportRequest { DirectoryOrganisationId = kas.Id, File = file, Mapping = ImportContacts.Analyse(file).Value!.SuggestedMapping };
        async Task<int> ContactsAsync()
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
            return await db.Contacts.CountAsync();
        }

        // 1. Another connection holds a write transaction for 3 s, longer than the busy timeout: the import fails as a whole.
        Exception? refused;
        await using (var blocker = new SqliteConnection(database.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var tx = blocker.BeginTransaction(deferred: false);
            await using (var touch = blocker.CreateCommand())
            {
                touch.Transaction = tx;
                touch.CommandText = "UPDATE Organisations SET Name = Name";
                await touch.ExecuteNonQueryAsync();
            }

            refused = await Record.ExceptionAsync(async () =>
            {
                await using var scope = host.Scope();
                await scope.ServiceProvider.GetRequiredService<ImportContacts>().ExecuteAsync(admin.Principal, request);
            });
            Assert.Equal(0, await CountWithoutWaitingAsync(database));
            await tx.RollbackAsync();
        }

        output.WriteLine($"Database held longer than the busy timeout: the import failed with \"{refused?.GetBaseException().Message}\"; contacts written: {await ContactsAsync()}.");
        Assert.NotNull(refused);
        Assert.Contains("locked", refused!.GetBaseException().Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await ContactsAsync());

        // 2. Held for half a second, well within the timeout: the import waits and completes. This host waits up to 20 s,
        //    so a loaded machine that wakes the releasing task late still stays inside the timeout.
        await using var patientHost = CoreTestHost.Create(database, new Dictionary<string, string?> { ["Database:ConnectionString"] = database.ConnectionString.Replace("Default Timeout=30", "Default Timeout=20") });
        await using (var blocker = new SqliteConnection(database.ConnectionString))
        {
            await blocker.OpenAsync();
            var tx = blocker.BeginTransaction(deferred: false);
            var release = Task.Run(async () =>
            {
                await Task.Delay(500);
                await tx.RollbackAsync();
            });
            await using var scope = patientHost.Scope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportContacts>().ExecuteAsync(admin.Principal, request);
            await release;
            Assert.True(outcome.Succeeded);
            Assert.Equal(50, outcome.Value!.Added);
        }

        Assert.Equal(50, await ContactsAsync());
        output.WriteLine("Database held within the busy timeout: the import waited and wrote all 50 contacts.");
    }

    /// <summary>Reads the contact count through the write-ahead log without taking any lock (what other readers see meanwhile).</summary>
    private static async Task<long> CountWithoutWaitingAsync(TestDatabase database)
    {
        await using var reader = new SqliteConnection(database.ConnectionString);
        await reader.OpenAsync();
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Contacts";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(int Sent, int InFlight)> CountAsync(TestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return (await db.OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Sent),
            await db.OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Sending));
    }

    private static Process StartDispatcher(TestDatabase database, SmtpSink sink)
    {
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.WebAssembly, "dispatch-outbox"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.WebAssembly)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = database.Provider.ToString();
        info.Environment["Database__ConnectionString"] = database.ConnectionString;
        info.Environment["Email__Transport"] = "Smtp";
        info.Environment["Email__BatchSize"] = "50";
        info.Environment["Email__ClaimTimeout"] = "00:00:02";
        info.Environment["Smtp__Host"] = sink.Host;
        info.Environment["Smtp__Port"] = sink.Port.ToString();
        info.Environment["Smtp__Security"] = "None";
        info.Environment["Jobs__RunServer"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info)!;
    }
}

/// <summary>Fault tests run one at a time: they time real processes and hold database locks.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "faults";
}
