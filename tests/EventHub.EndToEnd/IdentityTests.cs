using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class IdentityTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Register_confirm_by_the_emailed_link_then_log_in()
    {
        const string email = "new.user@example.org";
        await Page.GotoAsync("/Account/Register");
        await Page.Locator("input[name='Input.Email']").FillAsync(email);
        await Page.Locator("input[name='Input.Password']").FillAsync(Password);
        await Page.Locator("input[name='Input.ConfirmPassword']").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText($"We have sent a confirmation link to {email}")).ToBeVisibleAsync();

        // Unconfirmed accounts cannot log in.
        await LogInAsync(email);
        await Assertions.Expect(Page.GetByText("Error: Invalid login attempt.")).ToBeVisibleAsync();

        // The confirmation email travels through the outbox and the Hangfire dispatcher to a real SMTP server.
        var message = await Smtp.WaitForMessageToAsync(email, MailWait);
        Assert.Equal("Confirm your EventHub account", message.Subject);
        Assert.Contains("Confirm my account", message.HtmlBody);
        await Page.GotoAsync(LinkIn(message, "/Account/ConfirmEmail"));
        await Assertions.Expect(Page.GetByText("Thank you for confirming your email.")).ToBeVisibleAsync();

        await LogInAsync(email);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your day" })).ToBeVisibleAsync();
        var row = await App.WithDbAsync(db => db.OutboundEmails.SingleAsync(e => e.ToAddress == email));
        Assert.Equal(OutboundEmailStatus.Sent, row.Status);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_out_from_that_address()
    {
        await App.CreateUserAsync("clara@kas.example", Password);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await LogInAsync("clara@kas.example", "not the right password");
            await Assertions.Expect(Page.GetByText("Error: Invalid login attempt.")).ToBeVisibleAsync();
        }

        await LogInAsync("clara@kas.example", "not the right password");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Locked out" })).ToBeVisibleAsync();

        // Even the right password is refused while the lockout lasts.
        await LogInAsync("clara@kas.example");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Locked out" })).ToBeVisibleAsync();
        // Only this address is locked out of the account; the owner elsewhere is not (Web.Tests: AccountEnumerationAndLockoutTests).
        var user = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "clara@kas.example"));
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task The_job_dashboard_is_refused_to_a_non_administrator()
    {
        await App.CreateUserAsync("clara@kas.example", Password);
        await LogInAsync("clara@kas.example");

        var response = await Page.GotoAsync("/jobs");

        Assert.Contains("/Account/AccessDenied", Page.Url);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        Assert.NotNull(response);
        await Assertions.Expect(Page.GetByText("Recurring Jobs")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_sees_the_job_dashboard_with_the_outbox_sweep()
    {
        await App.CreateUserAsync("admin@eventhub.example", Password, administrator: true);
        await LogInAsync("admin@eventhub.example");

        await Page.GotoAsync("/jobs/recurring");

        await Assertions.Expect(Page.GetByText("DispatchOutbox").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_invited_staff_member_sets_a_password_from_the_email_and_logs_in()
    {
        await App.CreateUserAsync("admin@eventhub.example", Password, administrator: true);
        await LogInAsync("admin@eventhub.example");
        await OpenAsync("/admin/staff");

        await Page.GetByLabel("Name").FillAsync("Pieter de Vries");
        await Page.GetByLabel("Email").FillAsync("pieter@enc.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Invitation queued for pieter@enc.example")).ToBeVisibleAsync();
        await ScreenshotAsync("staff");

        var message = await Smtp.WaitForMessageToAsync("pieter@enc.example", MailWait);
        Assert.Equal("You have been invited to EventHub", message.Subject);
        await Context.ClearCookiesAsync();
        await Page.GotoAsync(LinkIn(message, "/Account/ResetPassword"));
        await Page.Locator("input[name='Input.Email']").FillAsync("pieter@enc.example");
        await Page.Locator("input[name='Input.Password']").FillAsync("a long enough passphrase");
        await Page.Locator("input[name='Input.ConfirmPassword']").FillAsync("a long enough passphrase");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reset", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your password has been reset.")).ToBeVisibleAsync();

        await LogInAsync("pieter@enc.example", "a long enough passphrase");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your day" })).ToBeVisibleAsync();
    }
}
