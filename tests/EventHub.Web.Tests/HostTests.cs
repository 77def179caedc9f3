using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using EventHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests;

/// <summary>The host as a browser without a session meets it: what is public, what asks for a login, what the start does.</summary>
public sealed class HostTests
{
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

    [Theory]
    [InlineData("/events")]
    [InlineData("/events/new")]
    [InlineData("/outbox")]
    [InlineData("/admin/organisations")]
    [InlineData("/admin/staff")]
    [InlineData("/jobs")]
    public async Task Staff_pages_send_an_anonymous_visitor_to_the_login(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient(NoRedirects);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_login_page_and_home_page_are_public()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient(NoRedirects);

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

    [Theory]
    [InlineData(new[] { "migrate" }, new[] { "migrate" }, new string[0])]
    [InlineData(new[] { "create-admin", "a@b.org", "--urls", "http://x" }, new[] { "create-admin", "a@b.org" }, new[] { "--urls", "http://x" })]
    [InlineData(new[] { "--urls", "http://x" }, null, new[] { "--urls", "http://x" })]
    public void Command_verbs_are_split_from_the_hosts_own_arguments(string[] args, string[]? command, string[] hostArgs)
    {
        var (parsedCommand, parsedHostArgs) = HostCommands.Parse(args);
        Assert.Equal(command, parsedCommand);
        Assert.Equal(hostArgs, parsedHostArgs);
    }
}
