using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>An organiser ends a door session: the device gets nothing more and erases its list at its next contact.</summary>
public sealed class RevokeDoorSession(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid sessionId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DoorSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.EventId == eventId, ct);
        if (session is null)
        {
            return Outcome.NotFound();
        }

        if (session.RevokedAtUtc is null)
        {
            session.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            session.RevokedBy = actor.Identity?.Name;
            audit.Record(db, actor, "door.session.revoke", eventId, nameof(DoorSession), session.Id.ToString(), $"Door session \"{session.Label}\" revoked");
            await db.SaveChangesAsync(ct);
        }

        return Outcome.Success();
    }
}
