using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Security;

/// <summary>Security headers, login rate limit, the two-factor requirement for staff, and keys that survive a restart.</summary>
public sealed partial class HardeningTests
{
    private const string Password = "correct horse battery staple";
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_import_map_carries_the_requests_nonce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient(NoRedirects);

        var first = await client.GetAsync("/Account/Login");
        var second = await client.GetAsync("/Account/Login");
        var html = await first.Content.ReadAsStringAsync();
        var csp = first.Headers.GetValues("Content-Security-Policy").Single();

        var nonce = NoncePattern().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        // Every inline script (Blazor's import map) carries this request's nonce; the browser test checks it runs.
        foreach (Match script in Regex.Matches(html, "<script(?![^>]*\\ssrc=)[^>]*>"))
        {
            Assert.Contains($"nonce=\"{nonce}\"", script.Value);
        }

        Assert.DoesNotContain(nonce, second.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", csp.Split("style-src-attr")[0]);
        Assert.DoesNotContain("unsafe-eval", csp);
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'", "img-src 'self' data:" })
        {
            Assert.Contains(directive, csp);
        }

        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=(self)", first.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());

        // Personal-link pages keep their stricter referrer policy; endpoints get the headers too.
        var link = await client.GetAsync("/i/not-a-token");
        Assert.Equal("no-referrer", link.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", link.Headers.GetValues("Content-Security-Policy").Single());
        var health = await client.GetAsync("/health");
        Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Https_responses_outside_development_carry_a_year_of_strict_transport_security()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://eventhub.example.org") });

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Login_posts_beyond_the_limit_answer_429_while_the_page_itself_still_opens()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await StaffLogin.PostLoginAsync(client, $"nobody{i}@example.org", "wrong password, long enough")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task An_organiser_without_two_factor_reaches_no_staff_page_until_an_authenticator_is_set_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });
        var organiser = await app.CreateUserAsync("organiser@example.org", Password);
        var door = await app.CreateUserAsync("door@example.org", Password);
        var eventId = await app.WithDbAsync(async db =>
        {
            var org = await TestUsers.CreateOrganisationAsync(db, "Foundation");
            var e = new Event
            {
                Id = Guid.NewGuid(), Title = "Round table", TimeZoneId = "Europe/Brussels", OrganisationId = org.Id, City = "Brussels", Capacity = 10,
                StartsAtUtc = DateTime.UtcNow.AddDays(10), EndsAtUtc = DateTime.UtcNow.AddDays(10).AddHours(2), ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Events.Add(e);
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = e.Id, UserId = organiser.Id, Role = EventRole.Organiser });
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = e.Id, UserId = door.Id, Role = EventRole.DoorStaff });
            await db.SaveChangesAsync();
            return e.Id;
        });

        var client = await StaffLogin.ClientAsync(app, organiser.Email, Password);
        foreach (var path in new[] { "/events", $"/events/{eventId}", $"/events/{eventId}/vetting", "/outbox", "/directory/export.csv?organisation=" + Guid.NewGuid(), "/" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("/Account/Manage/EnableAuthenticator", response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        // Door staff are not required to; the organiser's setup page and logout stay reachable.
        var doorClient = await StaffLogin.ClientAsync(app, door.Email, Password);
        Assert.Equal(HttpStatusCode.OK, (await doorClient.GetAsync("/events")).StatusCode);

        var setup = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        var key = SharedKeyPattern().Match(setup).Groups[1].Value;
        var verified = await client.PostAsync("/Account/Manage/EnableAuthenticator", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "send-code",
            ["__RequestVerificationToken"] = StaffLogin.AntiforgeryToken(setup),
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }));
        // Verified: the page shows the recovery codes to keep.
        Assert.Contains("Put these codes in a safe place.", await verified.Content.ReadAsStringAsync());

        var events = await client.GetAsync("/events");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Contains("Round table", await events.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_login_cookie_and_an_unsubscribe_link_issued_before_a_restart_still_work_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string cookie;
        string unsubscribe;
        await using (var before = EventHubAppFactory.Create(database))
        {
            await before.CreateUserAsync("staff@example.org", Password);
            var client = before.CreateClient(NoRedirects);
            var login = await StaffLogin.PostLoginAsync(client, "staff@example.org", Password);
            cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
            Assert.NotEmpty(cookie);
            unsubscribe = before.Services.GetRequiredService<UnsubscribeLinks>().For(Guid.NewGuid());
        }

        // A new process over the same database: the keys come from the database, not from memory.
        await using var after = EventHubAppFactory.Create(database);
        var fresh = after.CreateClient(NoRedirects);
        var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add("Cookie", cookie);
        var events = await fresh.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Contains("staff", await events.Content.ReadAsStringAsync());
        Assert.NotNull(after.Services.GetRequiredService<UnsubscribeLinks>().Read(unsubscribe.Split("/unsubscribe/")[1]));
        Assert.Contains("Stop receiving invitations?", await fresh.GetStringAsync(new Uri(unsubscribe).PathAndQuery));
    }

    [Fact]
    public async Task After_rotate_keys_new_cookies_use_the_new_key_and_cookies_and_links_from_before_still_work()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string cookie;
        string unsubscribe;
        Guid firstKey;
        await using (var before = EventHubAppFactory.Create(database))
        {
            await before.CreateUserAsync("staff@example.org", Password);
            var login = await StaffLogin.PostLoginAsync(before.CreateClient(NoRedirects), "staff@example.org", Password);
            cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
            unsubscribe = before.Services.GetRequiredService<UnsubscribeLinks>().For(Guid.NewGuid());
            firstKey = KeyIdOf(before.Services);
        }

        // `dotnet run --project src/EventHub.Web -- rotate-keys`, as Program runs it: the whole host, then the verb.
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Jobs:RunServer"] = "false",
        });
        EventHub.Core.CoreServiceCollectionExtensions.AddEventHubCore(builder);
        EventHub.Web.Hosting.WebServiceCollectionExtensions.AddEventHubWeb(builder);
        await using (var verbHost = builder.Build())
        {
            Assert.Equal(0, await EventHub.Web.Hosting.HostCommands.RunAsync(verbHost, ["rotate-keys"]));
        }

        await using var after = EventHubAppFactory.Create(database);
        var keys = after.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().GetAllKeys();
        Assert.Equal(2, keys.Count);
        var newest = keys.OrderByDescending(k => k.CreationDate).First();
        Assert.NotEqual(firstKey, newest.KeyId);
        Assert.Equal(newest.KeyId, KeyIdOf(after.Services)); // what is protected from now on uses the new key

        var fresh = after.CreateClient(NoRedirects);
        var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await fresh.SendAsync(request)).StatusCode);
        Assert.Contains("Stop receiving invitations?", await fresh.GetStringAsync(new Uri(unsubscribe).PathAndQuery));
    }

    /// <summary>The key a new payload is protected with: Data Protection writes its id after the 4-byte magic header.</summary>
    private static Guid KeyIdOf(IServiceProvider services)
    {
        var protector = services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test.key-id");
        var payload = protector.Protect(new byte[] { 1, 2, 3 });
        return new Guid(payload.AsSpan(4, 16));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<kbd>([a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKeyPattern();
}
