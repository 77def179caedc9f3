using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>
/// The organiser decides what the room may see (the organisation on name cards and badges) and whether agenda items are
/// checked in separately. Two columns of their own, written without touching the event form's concurrency stamp.
/// </summary>
public sealed class SaveDoorSettings(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, bool nameCardsShowOrganisation, bool checkInPerAgendaItem, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.NameCardsShowOrganisation, nameCardsShowOrganisation)
                .SetProperty(e => e.CheckInPerAgendaItem, checkInPerAgendaItem)
                .SetProperty(e => e.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
        if (changed == 0)
        {
            return Outcome.NotFound();
        }

        audit.Record(db, actor, "door.settings", eventId, nameof(Event), eventId.ToString(),
            $"Name cards show the organisation: {(nameCardsShowOrganisation ? "yes" : "no")}; agenda items checked in separately: {(checkInPerAgendaItem ? "yes" : "no")}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
