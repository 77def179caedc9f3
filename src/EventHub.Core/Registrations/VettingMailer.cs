using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Registrations;

/// <summary>
/// The emails a vetting decision causes, queued in the caller's transaction. Each has a fixed correlation key
/// (registration:{id}:approved, …:rejected, …:waitlisted, …:offered:{n}); a key already in the outbox is not queued again.
/// </summary>
public sealed class VettingMailer(EmailComposer composer, EmailOutbox outbox, AttendeeLinks attendeeLinks, Translations translations)
{
    public static string Key(Guid registrationId, string what) => $"registration:{registrationId}:{what}";

    /// <param name="passToken">The access pass's token: its QR code is attached as a PNG (mail clients strip inline SVG and
    /// often block linked images, but show, forward and print an attached PNG); the attendee's page shows the same pass.</param>
    public async Task<bool> QueueApprovedAsync(EventHubDbContext db, Registration r, Event e, string? passToken, CancellationToken ct)
    {
        var t = translations.For(r.Language);
        var calendar = CalendarEntry.Build(r, e, t);
        List<string> paragraphs =
        [
            t["Approved.Body", e.Title],
            t["Approved.When", t.DateTime(e.StartsAtUtc, e.TimeZoneId)],
            t["Approved.Where", string.Join(", ", new[] { e.Venue, e.City }.Where(s => !string.IsNullOrWhiteSpace(s)))],
            t["Approved.Calendar", calendar.FileName],
        ];
        List<EmailAttachment> attachments = [new EmailAttachment(calendar.FileName, "text/calendar", calendar.Content)];
        if (passToken is not null)
        {
            paragraphs.Add(t["Approved.Pass", t["Pass.FileName"]]);
            attachments.Add(new EmailAttachment(t["Pass.FileName"], "image/png", AccessPasses.Png(passToken)));
        }

        paragraphs.Add(t["Rule.Short"]);
        return await QueueAsync(db, r, e, t, Key(r.Id, "approved"), t["Approved.Subject", e.Title], paragraphs, t["Registration.Action"], ct, attachments);
    }

    /// <summary>A reissued pass (the earlier one is void): one email per pass.</summary>
    public Task<bool> QueuePassReissuedAsync(EventHubDbContext db, Registration r, Event e, Guid passId, string passToken, CancellationToken ct)
    {
        var t = translations.For(r.Language);
        return QueueAsync(db, r, e, t, Key(r.Id, $"pass:{passId}"), t["Reissued.Subject", e.Title],
            [t["Reissued.Body", e.Title, t["Pass.FileName"]], t["Reissued.EarlierVoid"]],
            t["Registration.Action"], ct, [new EmailAttachment(t["Pass.FileName"], "image/png", AccessPasses.Png(passToken))]);
    }

    /// <param name="message">The vetter's own words, sent as written.</param>
    public Task<bool> QueueRejectedAsync(EventHubDbContext db, Registration r, Event e, string? message, CancellationToken ct)
    {
        var t = translations.For(r.Language);
        var paragraphs = new List<string> { t["Rejected.Body", e.Title] };
        if (!string.IsNullOrWhiteSpace(message))
        {
            paragraphs.Add(message.Trim());
        }

        return QueueAsync(db, r, e, t, Key(r.Id, "rejected"), t["Rejected.Subject", e.Title], paragraphs, null, ct);
    }

    public Task<bool> QueueWaitlistedAsync(EventHubDbContext db, Registration r, Event e, CancellationToken ct)
    {
        var t = translations.For(r.Language);
        return QueueAsync(db, r, e, t, Key(r.Id, "waitlisted"), t["Waitlisted.Subject", e.Title],
            [t["Waitlisted.Body", e.Title], t["Waitlisted.IfFree"]], t["Registration.Action"], ct);
    }

    public async Task<bool> QueueOfferedAsync(EventHubDbContext db, Registration r, Event e, CancellationToken ct)
    {
        var t = translations.For(r.Language);
        var prefix = Key(r.Id, "offered:");
        var n = await db.OutboundEmails.CountAsync(m => m.CorrelationKey.StartsWith(prefix), ct) + 1;
        var until = t.DayAndTime(r.OfferExpiresAtUtc!.Value, e.TimeZoneId);
        return await QueueAsync(db, r, e, t, prefix + n, t["Offer.Subject", e.Title],
            [t["Offer.Body", e.Title], t["Offer.Until", until]], t["Offer.Action"], ct);
    }

    private async Task<bool> QueueAsync(EventHubDbContext db, Registration r, Event e, Texts t, string key, string subject, IReadOnlyList<string> paragraphs, string? linkLabel, CancellationToken ct, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        if (await db.OutboundEmails.AnyAsync(m => m.CorrelationKey == key, ct) || db.OutboundEmails.Local.Any(m => m.CorrelationKey == key))
        {
            return false;
        }

        var link = linkLabel is null ? null : attendeeLinks.Issue(db, r.Id);
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ActionEmail.Greeting)] = t["Email.Greeting", r.Name],
            [nameof(ActionEmail.Paragraphs)] = paragraphs,
            [nameof(ActionEmail.ActionUrl)] = link,
            [nameof(ActionEmail.ActionLabel)] = linkLabel,
            [nameof(ActionEmail.FooterNote)] = t["Vetting.Footer"],
            [nameof(ActionEmail.T)] = t,
        });
        outbox.Queue(db, new EmailToQueue(key, r.Email, r.Name, subject, body, e.Id, attachments));
        return true;
    }
}
