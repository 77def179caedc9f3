using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;

namespace EventHub.EndToEnd.ScaleOut;

/// <summary>
/// Two EventHub processes on different loopback ports against one PostgreSQL, behind a sticky proxy: what scale-out must
/// keep true. Run alone with deploy/two-nodes.sh.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "TwoNodes")]
public sealed class TwoNodeTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const int Emails = 300;

    private TestDatabase database = null!;
    private SmtpSink smtp = null!;
    private NodeProcess nodeA = null!;
    private NodeProcess nodeB = null!;
    private StickyProxy proxy = null!;
    private Guid eventId;
    private string passToken = "";

    public async Task InitializeAsync()
    {
        Assert.True(TestDatabase.PostgresServer is not null, $"The two-node scenario needs PostgreSQL: set {TestDatabase.PostgresVariable} (./test.sh and deploy/two-nodes.sh start one).");
        database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        smtp = new SmtpSink(parseMessages: true);
        eventId = await SeedAsync();

        var proxyPort = SmtpSink.FreePort();
        var environment = new Dictionary<string, string>
        {
            // Development serves the build's static web assets (blazor.web.js) from the build output, as `dotnet run` does.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo__SeedOnFirstStart"] = "false",
            // The event is 20 days ahead; the door admits without asking from this many days before it.
            ["Door__DaysBefore"] = "30",
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = database.ConnectionString,
            ["Database__MigrateOnStart"] = "false",
            ["App__PublicBaseUrl"] = $"http://127.0.0.1:{proxyPort}",
            ["Email__Transport"] = "Smtp",
            ["Smtp__Host"] = smtp.Host,
            ["Smtp__Port"] = smtp.Port.ToString(),
            ["Smtp__Security"] = "None",
            ["Jobs__RunServer"] = "true",
            ["Jobs__DispatchOutboxCron"] = "*/10 * * * * *",
            ["Jobs__QueueDueRemindersCron"] = "*/10 * * * * *",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var starting = new[] { NodeProcess.StartAsync("a", SmtpSink.FreePort(), environment), NodeProcess.StartAsync("b", SmtpSink.FreePort(), environment) };
        var nodes = await Task.WhenAll(starting);
        (nodeA, nodeB) = (nodes[0], nodes[1]);
        proxy = await StickyProxy.StartAsync(proxyPort, nodeA, nodeB);
    }

    public async Task DisposeAsync()
    {
        if (proxy is not null) await proxy.DisposeAsync();
        if (nodeA is not null) await nodeA.DisposeAsync();
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (smtp is not null) await smtp.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_share_logins_send_each_email_once_run_each_recurring_job_once_and_keep_circuits_sticky()
    {
        // Queue the emails before anything else: both nodes' dispatchers race for them from now on.
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < Emails; i++)
            {
                db.OutboundEmails.Add(new OutboundEmail
                {
                    Id = Guid.CreateVersion7(),
                    CorrelationKey = $"two-nodes:{i}",
                    ToAddress = $"expert{i}@think.example",
                    Subject = $"Message {i}",
                    HtmlBody = $"<p>Message {i}</p>",
                    TextBody = $"Message {i}",
                    EventId = eventId,
                    Status = OutboundEmailStatus.Pending,
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                });
            }

            await db.SaveChangesAsync();
        }

        // 1. A login cookie issued by node A is accepted by node B: the Data Protection keys are shared through the database.
        await using var context = await browser.Browser.NewContextAsync();
        // Each node is a process of its own that compiles its code on its first requests, beside the rest of the suite.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{nodeA.BaseUrl}/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync("organiser@kas.example");
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        // Cookies belong to the host, not the port: the browser now presents node A's cookie to node B.
        await page.GotoAsync($"{nodeB.BaseUrl}/events");
        Assert.DoesNotContain("/Account/Login", page.Url);
        await Assertions.Expect(page.GetByText("Security Engagement in Central Asia").First).ToBeVisibleAsync();

        // 2. Through the sticky proxy an interactive page connects its circuit: negotiate and WebSocket reach the same node.
        for (var i = 0; i < 3; i++)
        {
            var fresh = await context.NewPageAsync();
            await fresh.GotoAsync($"{proxy.BaseUrl}/events/{eventId}");
            await fresh.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await fresh.CloseAsync();
        }

        // 3. A check-in made through node B appears on node A's door screen within 2 seconds: door screens read the
        //    database, not the memory of the node that admitted the person.
        var doorA = await context.NewPageAsync();
        await doorA.GotoAsync($"{nodeA.BaseUrl}/events/{eventId}/door");
        await doorA.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(doorA.GetByTestId("door-count")).ToContainTextAsync("0 checked in of 1 approved");
        var doorB = await context.NewPageAsync();
        await doorB.GotoAsync($"{nodeB.BaseUrl}/events/{eventId}/door");
        await doorB.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var scan = doorB.GetByLabel("Scan or type the pass code", new() { Exact = true });
        await scan.FillAsync(passToken);
        await scan.PressAsync("Enter");
        await Assertions.Expect(doorB.GetByTestId("door-result")).ToContainTextAsync("ADMITTED");
        var seen = System.Diagnostics.Stopwatch.StartNew();
        // Each door screen is a phone of its own, in the foreground: a background tab's page may be throttled by Chromium.
        await doorA.BringToFrontAsync();
        try
        {
            await Assertions.Expect(doorA.GetByTestId("door-count")).ToContainTextAsync("1 checked in of 1 approved", new() { Timeout = 2_000 });
            await Assertions.Expect(doorA.GetByTestId("door-recent")).ToContainTextAsync("Ada Novak", new() { Timeout = Math.Max(1, 2_000 - (float)seen.Elapsed.TotalMilliseconds) });
        }
        catch (PlaywrightException e)
        {
            throw new Xunit.Sdk.XunitException($"Node A's door screen did not show node B's check-in within 2 s: {e.Message}\nA:\n{nodeA.Output}\nB:\n{nodeB.Output}");
        }

        // 4. Every email is sent exactly once although both nodes run the dispatcher.
        await smtp.WaitForAsync(Emails, TimeSpan.FromSeconds(90));
        await AwaitAnotherFullSweepAsync(); // nothing more may arrive once a sweep that began after the last one has finished
        var recipients = smtp.Messages.SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).ToList();
        Assert.Equal(Emails, recipients.Count);
        Assert.Equal(Emails, recipients.Distinct().Count());
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(Emails, await db.OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Sent));
        }

        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM hangfire.server")); // both nodes run a Hangfire server

        // 5. A recurring job runs once per schedule, not once per node: Hangfire's distributed lock in PostgreSQL.
        var runs = await RecurringRunsAsync("QueueDueReminders");
        Assert.True(runs.Count >= 2, $"QueueDueReminders should have run at least twice by now (every 10 s); runs: {runs.Count}\nA:\n{nodeA.Output}\nB:\n{nodeB.Output}");
        var twice = runs.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Scheduled times run more than once: {string.Join(", ", twice)}");
    }

    /// <summary>
    /// Waits until every Hangfire job created so far has finished and a DispatchOutbox sweep created after them has succeeded:
    /// no sweep is still sending, and a whole sweep ran after the last email arrived.
    /// </summary>
    private async Task AwaitAnotherFullSweepAsync()
    {
        var marker = await ScalarAsync("SELECT coalesce(max(id), 0) FROM hangfire.job");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var unfinished = await ScalarAsync($"SELECT count(*) FROM hangfire.job WHERE id <= {marker} AND statename NOT IN ('Succeeded', 'Failed', 'Deleted')");
            var sweepsAfter = await ScalarAsync(
                $"""
                SELECT count(*) FROM hangfire.job j JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
                WHERE j.id > {marker} AND r.value = '"DispatchOutbox"' AND j.statename = 'Succeeded'
                """);
            if (unfinished == 0 && sweepsAfter > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No further DispatchOutbox sweep finished within 60 s (unfinished earlier jobs: {unfinished}).\nA:\n{nodeA.Output}\nB:\n{nodeB.Output}");
            await Task.Delay(250);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The scheduled time ("Time" parameter) of every job Hangfire created for a recurring job.</summary>
    private async Task<List<string>> RecurringRunsAsync(string recurringJobId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT t.value FROM hangfire.jobparameter r
            JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId' AND r.value = @id
            """, connection);
        command.Parameters.AddWithValue("id", $"\"{recurringJobId}\"");
        var times = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times.Add(reader.GetString(0));
        }

        return times;
    }

    private async Task<Guid> SeedAsync()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (user, _) = await TestUsers.CreateOrganiserAsync(db, "organiser@kas.example", kas.Id);
        user.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(user, Password);
        var now = DateTime.UtcNow;
        var evt = new Event
        {
            Id = Guid.NewGuid(),
            Title = "Security Engagement in Central Asia",
            StartsAtUtc = now.AddDays(20),
            EndsAtUtc = now.AddDays(20).AddHours(3),
            TimeZoneId = "Europe/Brussels",
            City = "Brussels",
            Capacity = 35,
            OrganisationId = kas.Id,
            Status = EventStatus.Open,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Events.Add(evt);
        db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = evt.Id, UserId = user.Id, Role = EventRole.Organiser, AddedAtUtc = now });
        var ada = new Registration
        {
            Id = Guid.NewGuid(),
            EventId = evt.Id,
            Source = RegistrationSource.Invitation,
            Status = RegistrationStatus.Approved,
            Name = "Ada Novak",
            Email = "ada@think.example",
            NormalizedEmail = "ada@think.example",
            OrganisationName = "Central Asia Institute",
            ApprovedAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Registrations.Add(ada);
        evt.ApprovedCount = 1;
        var (token, hash) = EventHub.Core.Common.PersonalToken.Create();
        passToken = token;
        // The door looks a pass up by its hash only; the protected copy is for showing the code again, not needed here.
        db.AccessPasses.Add(new AccessPass { Id = Guid.NewGuid(), EventId = evt.Id, RegistrationId = ada.Id, TokenHash = hash, ProtectedToken = "-", IssuedAtUtc = now });
        await db.SaveChangesAsync();
        return evt.Id;
    }
}
