using System.Diagnostics;
using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Hangfire;
using Hangfire.Storage;
using EventHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests;

/// <summary>The host as a browser without a session meets it: what is public, what asks for a login, what the start does.</summary>
public sealed class HostTests(HostTests.AnonymousApp anonymous) : IClassFixture<HostTests.AnonymousApp>
{
    /// <summary>One app for the tests that only look as an anonymous visitor and change nothing.</summary>
    public sealed class AnonymousApp : IAsyncLifetime
    {
        private TestDatabase database = null!;

        public EventHubAppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            App = EventHubAppFactory.Create(database);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_app_migrates_its_database_at_start_and_reports_healthy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Start from an empty database, as a DBA hands it over: the host itself must migrate it.
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
            }
            else
            {
                await db.Database.EnsureDeletedAsync();
            }
        }

        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient(NoRedirects);

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Empty(await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
    }

    [Fact]
    public async Task A_host_still_schedules_and_queues_jobs_after_another_host_in_the_process_has_started_and_stopped()
    {
        // Hangfire's configuration is process-wide: the last host to start sets it. Several hosts in one process (the tests)
        // must not depend on that host still running; a host's start registers its recurring jobs, as below.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        _ = app.CreateClient();
        await using (var otherDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite))
        await using (var other = EventHubAppFactory.Create(otherDatabase))
        {
            _ = other.CreateClient();
        }

        var storage = app.Services.GetRequiredService<JobStorage>();
        new RecurringJobManager(storage).AddOrUpdate<EventHub.Core.Jobs.DispatchOutbox>("after-the-other-host", j => j.ExecuteAsync(CancellationToken.None), Cron.Daily());
        // What every commit that queues an email does: ask Hangfire for a prompt dispatch.
        var queued = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<EventHub.Core.Jobs.DispatchOutbox>(j => j.ExecuteAsync(CancellationToken.None));

        using var connection = storage.GetConnection();
        Assert.Contains("after-the-other-host", connection.GetRecurringJobs().Select(j => j.Id));
        Assert.NotNull(connection.GetJobData(queued));
    }

    [Theory]
    [InlineData("/events")]
    [InlineData("/events/new")]
    [InlineData("/outbox")]
    [InlineData("/admin/organisations")]
    [InlineData("/admin/staff")]
    [InlineData("/jobs")]
    public async Task Staff_pages_send_an_anonymous_visitor_to_the_login(string path)
    {
        var client = anonymous.App.CreateClient(NoRedirects);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_login_page_and_home_page_are_public()
    {
        var client = anonymous.App.CreateClient(NoRedirects);

        var home = await client.GetStringAsync("/");
        var login = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Chatham House Rule", home);
        Assert.Contains("Log in", login);
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_app_with_a_message_naming_the_key()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["Email:BatchSize"] = "0" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("BatchSize", error.Message);
    }

    [Fact]
    public async Task An_unknown_verb_lists_the_verbs_and_exits_2_without_starting_the_app_or_touching_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("unknown-verb-").FullName;
        var databaseFile = Path.Combine(folder, "eventhub.db");
        var port = SmtpSink.FreePort();
        // What an operator types: the real app, a typo for verify-audit, and a database the web app would migrate at start.
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.WebAssembly, "verfy-audit", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__ConnectionString"] = $"Data Source={databaseFile}";
        info.Environment["Jobs__RunServer"] = "false";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`verfy-audit` did not exit within 60 s: the web app started.\n{await output}\n{await error}");
        }

        Assert.Equal(2, process.ExitCode);
        var message = await error;
        Assert.Contains("Unknown command 'verfy-audit'", message);
        foreach (var verb in new[] { "migrate", "seed-demo", "create-admin EMAIL", "verify-audit", "dispatch-outbox", "rotate-keys", "check-attribution" })
        {
            Assert.Contains(verb, message);
        }

        Assert.Equal("", await output);
        Assert.False(File.Exists(databaseFile), "The database was created: the app started instead of refusing the verb.");
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(new[] { "help" }, 0, "Commands")]
    [InlineData(new[] { "--help" }, 0, "Commands")]
    [InlineData(new[] { "seed-dmeo", "--urls", "http://x" }, 2, "Unknown command 'seed-dmeo'")]
    public void Help_lists_the_verbs_and_an_unknown_verb_is_refused_without_building_the_host(string[] args, int exit, string expected)
    {
        var (command, _) = HostCommands.Parse(args);
        Assert.True(HostCommands.RunsWithoutHost(command));
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(exit, HostCommands.RunWithoutHost(command!, output, error));
        Assert.Contains(expected, (exit == 0 ? output : error).ToString());
        Assert.Contains("create-admin EMAIL", (exit == 0 ? output : error).ToString());
    }

    [Theory]
    [InlineData(new[] { "migrate" }, new[] { "migrate" }, new string[0])]
    [InlineData(new[] { "create-admin", "a@b.org", "--urls", "http://x" }, new[] { "create-admin", "a@b.org" }, new[] { "--urls", "http://x" })]
    [InlineData(new[] { "--urls", "http://x" }, null, new[] { "--urls", "http://x" })]
    [InlineData(new[] { "--urls=http://x" }, null, new[] { "--urls=http://x" })]
    [InlineData(new[] { "urls=http://x" }, null, new[] { "urls=http://x" })]
    [InlineData(new[] { "/urls", "http://x" }, null, new[] { "/urls", "http://x" })]
    [InlineData(new[] { "verfy-audit", "--urls", "http://x" }, new[] { "verfy-audit" }, new[] { "--urls", "http://x" })]
    public void Command_verbs_are_split_from_the_hosts_own_arguments(string[] args, string[]? command, string[] hostArgs)
    {
        var (parsedCommand, parsedHostArgs) = HostCommands.Parse(args);
        Assert.Equal(command, parsedCommand);
        Assert.Equal(hostArgs, parsedHostArgs);
    }
}
