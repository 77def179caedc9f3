using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.Core.Localization;

namespace EventHub.Core.Features.Invitations;

/// <summary>Composes an invitation email, in the invitation's language, with a fresh personal link and queues it in the caller's transaction.</summary>
public sealed class InvitationMailer(EmailComposer composer, EmailOutbox outbox, LinkBuilder links, UnsubscribeLinks unsubscribe, Translations translations, TimeProvider clock)
{
    /// <summary>
    /// Adds a new link to <paramref name="invitation"/> and queues the email under <paramref name="correlationKey"/>. The caller saves.
    /// Without a subject and message, the invitation's own (already in its language) are used.
    /// </summary>
    public async Task QueueAsync(EventHubDbContext db, Invitation invitation, Contact contact, Event e, string correlationKey, string? subject = null, string? message = null, bool openLabel = false)
    {
        var (token, hash) = PersonalToken.Create();
        db.InvitationLinks.Add(new InvitationLink { Id = Guid.CreateVersion7(), InvitationId = invitation.Id, TokenHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        var t = translations.For(invitation.Language);
        var (resolvedSubject, body) = await RenderAsync(e, contact, subject ?? invitation.Subject, message ?? invitation.Message, links.Absolute($"i/{token}"), openLabel ? t["Invitation.Open"] : null, t);
        outbox.Queue(db, new EmailToQueue(correlationKey, contact.Email, contact.Name, resolvedSubject, body, e.Id));
    }

    /// <summary>What one invitee would receive, with a sample link: shown to the organiser before sending.</summary>
    public Task<(string Subject, RenderedEmail Body)> PreviewAsync(Event e, Contact contact, string subject, string message, string? language = null)
        => RenderAsync(e, contact, subject, message, links.Absolute("i/preview-link-is-personal"), null, translations.For(language ?? contact.PreferredLanguage));

    private async Task<(string Subject, RenderedEmail Body)> RenderAsync(Event e, Contact contact, string subject, string message, string link, string? linkLabel, Texts t)
    {
        var resolvedSubject = InvitationText.Resolve(subject, e, contact.Name, t);
        var paragraphs = InvitationText.Resolve(message, e, contact.Name, t)
            .Replace("\r\n", "\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var body = await composer.RenderAsync<InvitationEmail>(new Dictionary<string, object?>
        {
            [nameof(InvitationEmail.Title)] = resolvedSubject,
            [nameof(InvitationEmail.Organisation)] = e.Organisation?.Name,
            [nameof(InvitationEmail.Paragraphs)] = paragraphs,
            [nameof(InvitationEmail.Link)] = link,
            [nameof(InvitationEmail.LinkLabel)] = linkLabel,
            [nameof(InvitationEmail.UnsubscribeLink)] = unsubscribe.For(contact.Id),
            [nameof(InvitationEmail.T)] = t,
        });
        return (resolvedSubject, body);
    }
}
