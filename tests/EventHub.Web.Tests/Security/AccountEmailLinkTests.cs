using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Account emails (confirmation, reset, a second registration of a known address): their links start with
/// App:PublicBaseUrl whatever Host the request that caused them carried, and the HTML button of each one, followed as a
/// browser follows it, does what it says.
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

    [Fact]
    public async Task The_html_button_of_every_account_email_works_when_followed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("clara@kas.example", Password);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

        // Confirmation (register), confirmation again (resend), reset (forgot password), and the notice to a known address.
        await AccountForms.PostAsync(browser, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "newcomer@kas.example", ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        await AccountForms.PostAsync(browser, "/Account/ResendEmailConfirmation", "resend-email-confirmation", new() { ["Input.Email"] = "newcomer@kas.example" });
        await AccountForms.PostAsync(browser, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = "clara@kas.example" });
        await AccountForms.PostAsync(browser, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "clara@kas.example", ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        var newcomer = await AccountForms.EmailsToAsync(app, "newcomer@kas.example");
        var clara = await AccountForms.EmailsToAsync(app, "clara@kas.example");
        Assert.Equal(["Confirm your EventHub account", "Confirm your EventHub account"], newcomer.Select(e => e.Subject));
        Assert.Equal(["Reset your EventHub password", "Someone tried to register with your address"], clara.Select(e => e.Subject));

        foreach (var confirmation in newcomer)
        {
            var page = await browser.GetStringAsync(new Uri(AccountForms.FirstHref(confirmation.HtmlBody)).PathAndQuery);
            Assert.Contains("Thank you for confirming your email.", page);
        }

        var reset = new Uri(AccountForms.FirstHref(clara[0].HtmlBody)).PathAndQuery;
        // The page keeps the code of a working link in its form; a broken link sends the browser to InvalidPasswordReset.
        var code = System.Text.RegularExpressions.Regex.Match(await browser.GetStringAsync(reset), "name=\"Input.Code\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(code), "the reset link carries a working code: " + reset);
        var resetDone = await AccountForms.PostAsync(browser, reset, "reset-password", new()
        {
            ["Input.Email"] = "clara@kas.example", ["Input.Code"] = System.Net.WebUtility.HtmlDecode(code), ["Input.Password"] = "a brand new long password", ["Input.ConfirmPassword"] = "a brand new long password",
        });
        Assert.Contains("/Account/ResetPasswordConfirmation", resetDone.RequestMessage!.RequestUri!.AbsolutePath);

        var notice = await browser.GetStringAsync(new Uri(AccountForms.FirstHref(clara[1].HtmlBody)).PathAndQuery);
        Assert.Contains("Forgot your password?", notice);
    }
}
