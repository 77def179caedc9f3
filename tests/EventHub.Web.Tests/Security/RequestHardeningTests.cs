using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Forwarded headers only from the configured proxy, a login's ReturnUrl that never leaves the site, Secure cookies over
/// HTTPS, the job dashboard's own policy, and ids from report text that cannot take over the page's own.
/// </summary>
public sealed class RequestHardeningTests
{
    private const string Password = "correct horse battery staple";
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Fact]
    public async Task A_direct_clients_forwarded_for_header_does_not_change_its_rate_limit_partition_but_the_proxys_does()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.2",
            ["RateLimits:PersonalLinkPerMinute"] = "2",
        }, services: ConnectionAddressFilter.Register);
        var client = app.CreateClient(NoRedirects);

        async Task<HttpStatusCode> VisitAsync(string connection, string forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/i/not-a-token");
            request.Headers.Add(ConnectionAddressFilter.Header, connection);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await client.SendAsync(request)).StatusCode;
        }

        // A client reaching the app directly names a new address each time: still one client, refused at the third.
        var direct = new[] { await VisitAsync("203.0.113.7", "198.51.100.1"), await VisitAsync("203.0.113.7", "198.51.100.2"), await VisitAsync("203.0.113.7", "198.51.100.3") };
        // The proxy forwards three different clients: three partitions.
        var proxied = new[] { await VisitAsync("10.0.0.2", "192.0.2.1"), await VisitAsync("10.0.0.2", "192.0.2.2"), await VisitAsync("10.0.0.2", "192.0.2.3") };

        Assert.Equal(HttpStatusCode.TooManyRequests, direct[2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, direct[..2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, proxied);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_login_with_an_absolute_return_url_lands_on_the_home_page(string returnUrl)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("clara@kas.example", Password);
        var client = app.CreateClient(NoRedirects);

        var login = await AccountForms.PostAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login",
            new() { ["Input.Email"] = "clara@kas.example", ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), new Uri(new Uri("http://localhost/"), login.Headers.Location!));
    }

    [Fact]
    public async Task A_login_with_a_local_return_url_still_goes_there()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("clara@kas.example", Password);

        var login = await AccountForms.PostAsync(app.CreateClient(NoRedirects), "/Account/Login?ReturnUrl=%2Fevents%3Fpage%3D2", "login",
            new() { ["Input.Email"] = "clara@kas.example", ["Input.Password"] = Password });

        Assert.Equal(new Uri("http://localhost/events?page=2"), new Uri(new Uri("http://localhost/"), login.Headers.Location!));
    }

    [Fact]
    public async Task Over_https_every_cookie_the_login_sets_is_secure_the_antiforgery_cookie_included()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("clara@kas.example", Password);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://eventhub.example.org") });

        var page = await client.GetAsync("/Account/Login");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        var antiforgery = cookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = StaffLogin.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["Input.Email"] = "clara@kas.example", ["Input.Password"] = Password,
            }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var loggedIn = await client.SendAsync(login);
        cookies.AddRange(loggedIn.Headers.GetValues("Set-Cookie"));

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_job_dashboard_gets_its_own_policy_and_every_other_page_the_strict_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("admin@eventhub.example", Password, administrator: true);
        var admin = await StaffLogin.ClientAsync(app, "admin@eventhub.example", Password);

        foreach (var path in new[] { "/jobs", "/jobs/recurring" })
        {
            var dashboard = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("script-src 'self' 'unsafe-inline'", dashboard.Headers.GetValues("Content-Security-Policy").Single());
        }

        var events = await admin.GetAsync("/events");
        Assert.DoesNotContain("unsafe-inline", events.Headers.GetValues("Content-Security-Policy").Single().Split("style-src-attr")[0]);
    }

    [Fact]
    public void No_component_carries_an_inline_style_block_script_or_event_handler_that_the_policy_would_refuse()
    {
        // The policy refuses inline <style> elements, inline scripts and on* attributes (style *attributes* are allowed by
        // style-src-attr); the browser test ReportPagesCspTests shows the print and review pages work under it.
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.razor", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}Email{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            // Event attributes are lower case (onclick); component parameters are not (OnSave, OnValidSubmit).
            foreach (var pattern in new[] { @"<style[\s>]", @"<script(?![^>]*\ssrc=)[^>]*>", @"\son[a-z]+\s*=\s*""" })
            {
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, pattern))
                {
                    offenders.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {m.Value}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Inline code or style blocks the Content-Security-Policy refuses:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Ids_and_names_from_report_text_cannot_be_the_pages_own_and_footnotes_still_link()
    {
        // The one renderer behind the editor's preview, the print page, the published page and the circulation email.
        var markdown = new MarkdownRenderer();

        var html = markdown.ToSafeHtml("<div id=\"components-reconnect-modal\" name=\"modal\">Reconnecting</div>\n\n<a name=\"top\" id=\"app\">x</a>\n\nA claim.[^1]\n\n[^1]: Its source.");

        Assert.DoesNotContain("id=\"components-reconnect-modal\"", html);
        Assert.DoesNotContain("id=\"app\"", html);
        Assert.DoesNotContain("name=", html);
        Assert.Contains("id=\"md-components-reconnect-modal\"", html);
        Assert.Contains("href=\"#md-fn:1\"", html);
        Assert.Contains("id=\"md-fn:1\"", html);
        Assert.Contains("href=\"#md-fnref:1\"", html);
        Assert.Contains("id=\"md-fnref:1\"", html);
    }
}
