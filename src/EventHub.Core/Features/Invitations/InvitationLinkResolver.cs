using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>
/// Finds the invitation behind a personal link, or nothing: a forged, revoked or expired link, or one for an event that
/// is over, all give the same null, so the page reveals nothing about the event.
/// </summary>
public static class InvitationLinkResolver
{
    public static async Task<Invitation?> FindAsync(EventHubDbContext db, string? token, DateTime nowUtc, CancellationToken ct)
    {
        if (!PersonalToken.LooksValid(token))
        {
            return null;
        }

        var hash = PersonalToken.Hash(token!);
        var invitation = await db.Invitations
            .Include(i => i.Event).ThenInclude(e => e!.Organisation)
            .Include(i => i.Contact).ThenInclude(c => c!.Organisation)
            .Where(i => i.Links.Any(l => l.TokenHash == hash))
            .SingleOrDefaultAsync(ct);
        if (invitation is null
            || invitation.Status is InvitationStatus.Revoked or InvitationStatus.Expired
            || invitation.ExpiresAtUtc <= nowUtc
            || invitation.Event!.EndsAtUtc <= nowUtc
            || invitation.Event.Status is EventStatus.Archived or EventStatus.Draft)
        {
            return null;
        }

        return invitation;
    }
}
