using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.SavedTexts;

/// <summary>
/// Saved texts belong to the organisation that runs an event; an organiser of one of its events (who may write its
/// invitations and messages) reads and keeps them, reached through that event so no organisation id is trusted alone.
/// </summary>
internal static class SavedTextAccess
{
    public static async Task<Guid?> OrganisationOfAsync(IAuthorizationService authorization, EventHubDbContext db, ClaimsPrincipal actor, Guid eventId, CancellationToken ct)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return null;
        }

        return await db.Events.Where(e => e.Id == eventId).Select(e => (Guid?)e.OrganisationId).SingleOrDefaultAsync(ct);
    }
}
