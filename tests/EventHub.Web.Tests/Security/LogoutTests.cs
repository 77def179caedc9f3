using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;

namespace EventHub.Web.Tests.Security;

/// <summary>Logging out leaves nothing of the session in the browser: the login cookie, and the offline door's stored list.</summary>
public sealed class LogoutTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Logging_out_ends_the_login_and_tells_the_browser_to_erase_what_the_site_stored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        await app.CreateUserAsync("door@kas.example", Password, kas.Id);
        var client = await StaffLogin.ClientAsync(app, "door@kas.example", Password);
        var events = await client.GetAsync("/events");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);

        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffLogin.AntiforgeryToken(await events.Content.ReadAsStringAsync()),
            ["returnUrl"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var clear = logout.Headers.GetValues("Clear-Site-Data").Single();
        Assert.Contains("\"storage\"", clear, StringComparison.Ordinal);
        Assert.Contains("\"cache\"", clear, StringComparison.Ordinal);
        var afterwards = await client.GetAsync("/events");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/Account/Login", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
