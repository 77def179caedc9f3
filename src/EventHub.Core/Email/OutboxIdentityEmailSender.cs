using EventHub.Core.Data;
using EventHub.Core.Email.Templates;
using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Email;

/// <summary>Identity's account emails (confirm, reset) go through the outbox like every other email.</summary>
public sealed class OutboxIdentityEmailSender(EventHubDbContext db, EmailOutbox outbox, EmailComposer composer, TimeProvider clock) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        QueueAsync(user, email, "confirm", "Confirm your EventHub account",
            ["Please confirm your email address to finish setting up your EventHub account."],
            confirmationLink, "Confirm my account");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        QueueAsync(user, email, "reset", "Reset your EventHub password",
            ["Somebody asked to reset the password of your EventHub account. If it was you, choose a new password with the button below; the link works once."],
            resetLink, "Choose a new password");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        QueueAsync(user, email, "reset-code", "Your EventHub password reset code",
            [$"Your password reset code is: {resetCode}"], null, "");

    /// <summary>Someone tried to register an account with an address that already has one: its owner hears of it (the form
    /// itself answers as for a new address, so it tells nobody which addresses have accounts).</summary>
    public Task SendRegistrationAttemptAsync(ApplicationUser user, string email, string forgotPasswordLink) =>
        QueueAsync(user, email, "register-attempt", "Someone tried to register with your address",
            ["Someone tried to create a new EventHub account with this email address, which already has an account. If it was you, sign in as usual; if you forgot your password, choose a new one with the button below. If it was not you, you need not do anything: nothing has changed."],
            forgotPasswordLink, "Reset my password");

    private async Task QueueAsync(ApplicationUser user, string email, string kind, string subject, IReadOnlyList<string> paragraphs, string? link, string label)
    {
        // IEmailSender's contract hands links over HTML-encoded (&amp; between query parameters); the template encodes
        // once more when it writes the href, which gave &amp;amp;code= and a button that lost its code. Decode once here.
        link = link is null ? null : System.Net.WebUtility.HtmlDecode(link);
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Greeting)] = $"Dear {user.DisplayName ?? email},",
            [nameof(ActionEmail.Paragraphs)] = paragraphs,
            [nameof(ActionEmail.ActionUrl)] = link,
            [nameof(ActionEmail.ActionLabel)] = label,
        });
        // Each request is a new intention; the key still identifies it in the outbox.
        var key = $"account:{kind}:{user.Id}:{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmssfffffff}:{Guid.NewGuid():N}";
        outbox.Queue(db, new EmailToQueue(key, email, user.DisplayName, subject, body));
        await db.SaveChangesAsync();
    }
}
