using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>Withdraws an invitation: every link of it shows the plain "not valid" page from now on.</summary>
public sealed class RevokeInvitation(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid invitationId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.Include(i => i.Contact).SingleOrDefaultAsync(i => i.Id == invitationId && i.EventId == eventId, ct);
        if (invitation is null)
        {
            return Outcome.NotFound();
        }

        if (invitation.Status is InvitationStatus.Accepted)
        {
            return Outcome.Invalid("", $"{invitation.Contact!.Name} has already accepted: decide on the registration in vetting instead.");
        }

        if (invitation.Status is InvitationStatus.Revoked)
        {
            return Outcome.Success();
        }

        invitation.Status = InvitationStatus.Revoked;
        db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitation.Id, AtUtc = clock.GetUtcNow().UtcDateTime, Action = "revoked", ActorName = actor.Identity?.Name });
        audit.Record(db, actor, "invitation.revoked", eventId, nameof(Invitation), invitation.Id.ToString(), invitation.Contact!.Email);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
