using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed record DoorEvent(Guid EventId, string Title, DateTime StartsAtUtc, string TimeZoneId, string? Venue, string? City,
    bool CanOverride, bool CanOpenEvent);

/// <summary>The door screen's header: only what door staff need (no team, no counts beyond the door's own).</summary>
public sealed class OpenDoor(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<DoorEvent>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.CheckIn))
        {
            return Outcome<DoorEvent>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId)
            .Select(x => new { x.Title, x.StartsAtUtc, x.TimeZoneId, x.Venue, x.City }).SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return Outcome<DoorEvent>.NotFound();
        }

        return Outcome<DoorEvent>.Success(new DoorEvent(eventId, e.Title, e.StartsAtUtc, e.TimeZoneId, e.Venue, e.City,
            await authorization.CanAsync(actor, eventId, EventPermission.Edit),
            await authorization.CanAsync(actor, eventId, EventPermission.View)));
    }
}
