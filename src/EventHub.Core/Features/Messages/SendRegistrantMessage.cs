using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Messages;

/// <summary>
/// Sends an organiser's message to the registrants the filter selects, through the outbox (one row per person, key
/// message:{message}:{registration}, written with the audit entry in one transaction). The organiser confirms the number
/// of recipients they saw; if the set has changed since, nothing is sent and they are asked to look again.
/// </summary>
public sealed class SendRegistrantMessage(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, EmailComposer composer, EmailOutbox outbox, AuditLog audit)
{
    public async Task<Outcome<int>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, RegistrantMessageForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ExportRegistrations))
        {
            return Outcome<int>.Forbidden();
        }

        if (RegistrantMessage.Validate(form) is { Count: > 0 } errors)
        {
            return Outcome<int>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<int>.NotFound();
        }

        var prefix = $"message:{form.MessageId}:";
        if (await db.OutboundEmails.AnyAsync(m => m.CorrelationKey.StartsWith(prefix), ct))
        {
            return Outcome<int>.Conflict("This message has already been sent: see the outbox.");
        }

        var recipients = await RegistrantMessage.RecipientsAsync(db, eventId, form.Filter, ct);
        if (recipients.Count == 0)
        {
            return Outcome<int>.Invalid("Filter", "No registrant matches this filter: nothing to send.");
        }

        if (form.ConfirmedCount != recipients.Count)
        {
            return Outcome<int>.Conflict($"The filter now selects {recipients.Count} registrants, not the {form.ConfirmedCount ?? 0} you confirmed: preview again before sending.");
        }

        foreach (var r in recipients)
        {
            var (subject, body) = await RegistrantMessage.ComposeAsync(composer, e, form, r.Name);
            outbox.Queue(db, new EmailToQueue(prefix + r.RegistrationId, r.Email, r.Name, subject, body, eventId));
        }

        audit.Record(db, actor, "registrants.messaged", eventId, nameof(Event), eventId.ToString(),
            $"“{form.Subject!.Trim()}” to {recipients.Count} registrant{(recipients.Count == 1 ? "" : "s")} ({await RegistrantMessage.DescribeAsync(db, form.Filter, ct)})");
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(recipients.Count);
    }
}
