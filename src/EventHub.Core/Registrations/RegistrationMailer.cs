using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Registrations;

/// <summary>Emails about a registration, queued in the caller's transaction (the caller saves).</summary>
public sealed class RegistrationMailer(EmailComposer composer, EmailOutbox outbox, AttendeeLinks attendeeLinks, LinkBuilder links)
{
    /// <summary>"We received your registration", with a fresh link to the person's own page. Key <c>registration:{id}:received</c>.</summary>
    public async Task QueueReceivedAsync(EventHubDbContext db, Registration r, Event e)
    {
        var link = attendeeLinks.Issue(db, r.Id);
        var when = EventTime.Format(e.StartsAtUtc, e.TimeZoneId) + " " + EventTime.Abbreviation(e.StartsAtUtc, e.TimeZoneId);
        IReadOnlyList<string> paragraphs = r.Source switch
        {
            RegistrationSource.Nomination =>
            [
                $"A colleague who was invited to “{e.Title}” ({when}, {e.City}) cannot attend and has nominated you to come in their place. You did not ask for this email: if you do not want to attend, cancel on your page and you will hear nothing more.",
                "The organisers review every registration. You will receive an email once they have decided; the exact venue is sent only after approval.",
            ],
            RegistrationSource.Request =>
            [
                $"We received your request to attend “{e.Title}” ({when}, {e.City}).",
                "The organisers review every request. You will receive an email once they have decided; the exact venue is sent only after approval.",
            ],
            _ =>
            [
                $"Thank you for accepting the invitation to “{e.Title}” ({when}, {e.City}).",
                "The organisers review every registration. You will receive an email once they have decided; the exact venue is sent only after approval.",
            ],
        };
        var subject = r.Source == RegistrationSource.Nomination ? $"You have been nominated for {e.Title}" : $"Registration received: {e.Title}";
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ActionEmail.Greeting)] = $"Dear {r.Name},",
            [nameof(ActionEmail.Paragraphs)] = paragraphs.Append("On your page you can see the status of your registration, correct your details or cancel. The link is personal: do not forward it.").ToList(),
            [nameof(ActionEmail.ActionUrl)] = link,
            [nameof(ActionEmail.ActionLabel)] = "Open your registration",
            [nameof(ActionEmail.FooterNote)] = "You receive this email because of a registration for a meeting on EventHub.",
        });
        outbox.Queue(db, new EmailToQueue($"registration:{r.Id}:received", r.Email, r.Name, subject, body, e.Id));
    }

    /// <summary>Tells the event's organisers, vetters and host reviewers that an approved person changed vetted details. Keys <c>registration:{id}:revet:{n}:{userId}</c>.</summary>
    public async Task QueueReturnedToVettingAsync(EventHubDbContext db, Registration r, Event e, int n, IReadOnlyList<string> changedFields)
    {
        var recipients = await db.EventTeamMembers.AsNoTracking()
            .Where(m => m.EventId == e.Id && (m.Role == EventRole.Organiser || m.Role == EventRole.Vetter || m.Role == EventRole.HostReviewer))
            .Select(m => new { m.UserId, m.User!.Email, m.User.UserName })
            .Distinct()
            .ToListAsync();
        var subject = $"Vet again: {r.Name} changed their registration for {e.Title}";
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ActionEmail.Paragraphs)] = new List<string>
            {
                $"{r.Name} ({r.OrganisationName}) was approved and has since changed: {string.Join(", ", changedFields)}.",
                "The registration is pending again and the earlier decisions no longer count. Please review it.",
            },
            [nameof(ActionEmail.ActionUrl)] = links.Absolute($"events/{e.Id}"),
            [nameof(ActionEmail.ActionLabel)] = "Open the event",
            [nameof(ActionEmail.FooterNote)] = "You receive this email as a member of the event's team.",
        });
        foreach (var m in recipients.DistinctBy(m => m.UserId).Where(m => !string.IsNullOrEmpty(m.Email)))
        {
            outbox.Queue(db, new EmailToQueue($"registration:{r.Id}:revet:{n}:{m.UserId}", m.Email!, m.UserName, subject, body, e.Id));
        }
    }
}
