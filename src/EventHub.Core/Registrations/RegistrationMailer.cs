using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Registrations;

/// <summary>Emails about a registration, queued in the caller's transaction (the caller saves).</summary>
public sealed class RegistrationMailer(EmailComposer composer, EmailOutbox outbox, AttendeeLinks attendeeLinks, LinkBuilder links, Translations translations)
{
    /// <summary>"We received your registration", in the person's language, with a fresh link to their own page. Key <c>registration:{id}:received</c>.</summary>
    public async Task QueueReceivedAsync(EventHubDbContext db, Registration r, Event e)
    {
        var t = translations.For(r.Language);
        var link = attendeeLinks.Issue(db, r.Id);
        var when = t.DateTime(e.StartsAtUtc, e.TimeZoneId);
        var city = e.City ?? t["Placeholder.City"];
        IReadOnlyList<string> paragraphs = r.Source switch
        {
            RegistrationSource.Nomination => [t["Received.Nomination", e.Title, when, city], t["Received.Review"]],
            RegistrationSource.Request => [t["Received.Request", e.Title, when, city], t["Received.ReviewRequest"]],
            _ => [t["Received.Invitation", e.Title, when, city], t["Received.Review"]],
        };
        var subject = t[r.Source == RegistrationSource.Nomination ? "Received.SubjectNomination" : "Received.Subject", e.Title];
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ActionEmail.Greeting)] = t["Email.Greeting", r.Name],
            [nameof(ActionEmail.Paragraphs)] = paragraphs.Append(t["Received.YourPage"]).ToList(),
            [nameof(ActionEmail.ActionUrl)] = link,
            [nameof(ActionEmail.ActionLabel)] = t["Received.Action"],
            [nameof(ActionEmail.FooterNote)] = t["Received.Footer"],
            [nameof(ActionEmail.T)] = t,
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
