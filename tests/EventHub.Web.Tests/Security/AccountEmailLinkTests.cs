using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Account emails (confirmation, reset): their links start with App:PublicBaseUrl whatever Host the request that caused
/// them carried.
/// </summary>
public sealed class AccountEmailLinkTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Reset_and_confirmation_links_start_with_the_public_address_even_when_the_request_named_another_host()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://eventhub.example.org" });
        await app.CreateUserAsync("clara@kas.example", Password);
        // Host: evil.example, as an attacker sends it (the test server takes the host from the address).
        var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") });

        var forgot = await AccountForms.PostAsync(attacker, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = "clara@kas.example" });
        var register = await AccountForms.PostAsync(attacker, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "newcomer@kas.example", ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var reset = Assert.Single(await AccountForms.EmailsToAsync(app, "clara@kas.example"));
        var confirm = Assert.Single(await AccountForms.EmailsToAsync(app, "newcomer@kas.example"));
        Assert.StartsWith("https://eventhub.example.org/Account/ResetPassword?code=", AccountForms.FirstHref(reset.HtmlBody));
        Assert.StartsWith("https://eventhub.example.org/Account/ConfirmEmail?userId=", AccountForms.FirstHref(confirm.HtmlBody));
        foreach (var email in new[] { reset, confirm })
        {
            Assert.DoesNotContain("evil.example", email.HtmlBody);
            Assert.DoesNotContain("evil.example", email.TextBody);
        }
    }
}
