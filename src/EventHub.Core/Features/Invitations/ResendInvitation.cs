using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>Sends the invitation again with a new personal link (the earlier links keep working). A bounced invitation is tried again.</summary>
public sealed class ResendInvitation(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, InvitationMailer mailer, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid invitationId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.Include(i => i.Contact).Include(i => i.Event).ThenInclude(e => e!.Organisation)
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.EventId == eventId, ct);
        if (invitation is null)
        {
            return Outcome.NotFound();
        }

        if (invitation.Status is not (InvitationStatus.Sent or InvitationStatus.Bounced))
        {
            return Outcome.Invalid("", $"This invitation is {invitation.Status}: only an unanswered or bounced invitation can be sent again.");
        }

        if (invitation.Contact!.DoNotContact)
        {
            return Outcome.Invalid("", $"{invitation.Contact.Name} asked not to be contacted.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        invitation.Resends++;
        invitation.Status = InvitationStatus.Sent;
        db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitation.Id, AtUtc = now, Action = "resent", ActorName = actor.Identity?.Name });
        await mailer.QueueAsync(db, invitation, invitation.Contact, invitation.Event!, $"invitation:{invitation.Id}:resend:{invitation.Resends}");
        audit.Record(db, actor, "invitation.resent", eventId, nameof(Invitation), invitation.Id.ToString(), invitation.Contact.Email);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
