using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

public sealed class RemoveAgendaItem(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid itemId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.EventId == eventId, ct);
        if (item is null)
        {
            return Outcome.NotFound();
        }

        db.AgendaItems.Remove(item);
        audit.Record(db, actor, "agenda.removed", eventId, nameof(AgendaItem), item.Id.ToString(), item.Title);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
