using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Door;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>Door staff sign out of the offline door: the session ends here too, so the token is worth nothing afterwards.</summary>
public sealed class EndDoorSession(IDbContextFactory<EventHubDbContext> dbFactory, DoorSessionTokens tokens, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await tokens.FindLiveAsync(db, token, ct) is not { } live)
        {
            return Outcome.Forbidden();
        }

        var session = await db.DoorSessions.SingleAsync(s => s.Id == live.Id, ct);
        session.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        session.RevokedBy = "signed out on the device";
        audit.Record(db, null, "door.session.end", session.EventId, nameof(DoorSession), session.Id.ToString(), $"Door session \"{session.Label}\" signed out on the device");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
