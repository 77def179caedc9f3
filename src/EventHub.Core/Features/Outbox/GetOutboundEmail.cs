using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Outbox;

public sealed record OutboundEmailDetail(OutboundEmail Email, string MessageId, IReadOnlyList<(string FileName, string ContentType, int Size)> Attachments);

/// <summary>
/// One message, for an administrator or for an organiser of its event, with its working links masked
/// (<see cref="OutboxSecrets"/>): the outbox shows what was sent, not other people's keys. Every reading of a body (the
/// page or the .eml download) is recorded in the audit log.
/// </summary>
public sealed class GetOutboundEmail(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, MimeMessageFactory mime, AuditLog audit)
{
    /// <param name="withAttachments">Load the attachments' content too (for the .eml download).</param>
    public async Task<Outcome<OutboundEmailDetail>> ExecuteAsync(ClaimsPrincipal actor, Guid id, CancellationToken ct = default, bool withAttachments = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OutboundEmails.AsNoTracking();
        var email = await (withAttachments ? query.Include(e => e.Attachments) : query).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (email is null)
        {
            return Outcome<OutboundEmailDetail>.NotFound();
        }

        var allowed = actor.IsInRole(Roles.Administrator)
            || (email.EventId is { } eventId && await authorization.CanAsync(actor, eventId, EventPermission.ViewOutbox));
        if (!allowed)
        {
            return Outcome<OutboundEmailDetail>.Forbidden();
        }

        audit.Record(db, actor, withAttachments ? "outbox.message-downloaded" : "outbox.message-viewed", email.EventId, nameof(OutboundEmail), email.Id.ToString(), email.Subject);
        await db.SaveChangesAsync(ct);
        OutboxSecrets.MaskUntracked(email);

        var attachments = await db.OutboundEmailAttachments.Where(a => a.OutboundEmailId == id)
            .Select(a => new { a.FileName, a.ContentType, Size = a.Content.Length }).ToListAsync(ct);
        return Outcome<OutboundEmailDetail>.Success(new OutboundEmailDetail(email, mime.MessageIdFor(email.Id), attachments.Select(a => (a.FileName, a.ContentType, a.Size)).ToList()));
    }
}
