using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Registrations;

/// <summary>
/// The emails a vetting decision causes, queued in the caller's transaction. Each has a fixed correlation key
/// (registration:{id}:approved, …:rejected, …:waitlisted, …:offered:{n}); a key already in the outbox is not queued again.
/// </summary>
public sealed class VettingMailer(EmailComposer composer, EmailOutbox outbox, AttendeeLinks attendeeLinks)
{
    public static string Key(Guid registrationId, string what) => $"registration:{registrationId}:{what}";

    /// <param name="passToken">The access pass's token: its QR code is attached as a PNG (mail clients strip inline SVG and
    /// often block linked images, but show, forward and print an attached PNG); the attendee's page shows the same pass.</param>
    public async Task<bool> QueueApprovedAsync(EventHubDbContext db, Registration r, Event e, string? passToken, CancellationToken ct)
    {
        var when = EventTime.Format(e.StartsAtUtc, e.TimeZoneId);
        var calendar = CalendarEntry.Build(r, e);
        List<string> paragraphs =
        [
            $"Your registration for {e.Title} is approved.",
            $"When: {when}.",
            $"Where: {string.Join(", ", new[] { e.Venue, e.City }.Where(s => !string.IsNullOrWhiteSpace(s)))}.",
        ];
        List<EmailAttachment> attachments = [new EmailAttachment(calendar.FileName, "text/calendar", calendar.Content)];
        if (passToken is not null)
        {
            paragraphs.Add("Your access pass is attached (access-pass.png): show its QR code at the door, on your phone or printed. It admits you once and is personal. Your registration page below shows the same pass.");
            attachments.Add(new EmailAttachment("access-pass.png", "image/png", AccessPasses.Png(passToken)));
        }

        paragraphs.Add("The meeting is held under the Chatham House Rule: you may use what you hear, but you may not reveal who said it, nor who else was there.");
        return await QueueAsync(db, r, e, Key(r.Id, "approved"), $"Your place is confirmed: {e.Title}", paragraphs, "Your registration", ct, attachments);
    }

    /// <summary>A reissued pass (the earlier one is void): one email per pass.</summary>
    public Task<bool> QueuePassReissuedAsync(EventHubDbContext db, Registration r, Event e, Guid passId, string passToken, CancellationToken ct)
        => QueueAsync(db, r, e, Key(r.Id, $"pass:{passId}"), $"Your new access pass: {e.Title}",
            [
                $"The organisers have issued you a new access pass for {e.Title}; it is attached (access-pass.png).",
                "Your earlier pass no longer works at the door. Your registration page below shows the new one.",
            ], "Your registration", ct, [new EmailAttachment("access-pass.png", "image/png", AccessPasses.Png(passToken))]);

    public Task<bool> QueueRejectedAsync(EventHubDbContext db, Registration r, Event e, string? message, CancellationToken ct)
    {
        var paragraphs = new List<string> { $"Thank you for your interest in {e.Title}. We are unable to offer you a place at this meeting." };
        if (!string.IsNullOrWhiteSpace(message))
        {
            paragraphs.Add(message.Trim());
        }

        return QueueAsync(db, r, e, Key(r.Id, "rejected"), $"Your registration: {e.Title}", paragraphs, null, ct);
    }

    public Task<bool> QueueWaitlistedAsync(EventHubDbContext db, Registration r, Event e, CancellationToken ct)
        => QueueAsync(db, r, e, Key(r.Id, "waitlisted"), $"On the waiting list: {e.Title}",
            [$"Thank you for registering for {e.Title}. The meeting is full for now and you are on the waiting list.", "If a place frees up, we will offer it to you by email."],
            "Your registration", ct);

    public async Task<bool> QueueOfferedAsync(EventHubDbContext db, Registration r, Event e, CancellationToken ct)
    {
        var prefix = Key(r.Id, "offered:");
        var n = await db.OutboundEmails.CountAsync(m => m.CorrelationKey.StartsWith(prefix), ct) + 1;
        var until = EventTime.Format(r.OfferExpiresAtUtc!.Value, e.TimeZoneId) + " " + EventTime.Abbreviation(r.OfferExpiresAtUtc.Value, e.TimeZoneId);
        return await QueueAsync(db, r, e, prefix + n, $"A place is free: {e.Title}",
            [$"A place has become free at {e.Title} and it is yours if you want it.", $"Please accept it by {until}; after that it passes to the next person on the waiting list."],
            "Accept the place", ct);
    }

    private async Task<bool> QueueAsync(EventHubDbContext db, Registration r, Event e, string key, string subject, IReadOnlyList<string> paragraphs, string? linkLabel, CancellationToken ct, IReadOnlyList<EmailAttachment>? attachments = null)
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
            [nameof(ActionEmail.Greeting)] = $"Dear {r.Name},",
            [nameof(ActionEmail.Paragraphs)] = paragraphs,
            [nameof(ActionEmail.ActionUrl)] = link,
            [nameof(ActionEmail.ActionLabel)] = linkLabel ?? "Open",
            [nameof(ActionEmail.FooterNote)] = "You receive this email because you registered for this meeting.",
        });
        outbox.Queue(db, new EmailToQueue(key, r.Email, r.Name, subject, body, e.Id, attachments));
        return true;
    }
}
