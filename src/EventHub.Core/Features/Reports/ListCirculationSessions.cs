using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>An agenda item the report can be circulated to the attendees of, with how many were checked in to it.</summary>
public sealed record CirculationSession(Guid AgendaItemId, string Title, DateTime StartsAtUtc, int CheckedIn);

/// <summary>
/// The sessions a circulation can address (<see cref="CirculationAudience.SessionAttendees"/>): the event's agenda items,
/// in order, where the event checks its sessions in separately (or did); empty otherwise. Organisers only.
/// </summary>
public sealed class ListCirculationSessions(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<CirculationSession>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<IReadOnlyList<CirculationSession>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await CirculationAudiences.TracksSessionsAsync(db, eventId, ct))
        {
            return Outcome<IReadOnlyList<CirculationSession>>.Success([]);
        }

        var sessions = await db.AgendaItems.AsNoTracking()
            .Where(a => a.EventId == eventId)
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.SortOrder)
            .Select(a => new CirculationSession(a.Id, a.Title, a.StartsAtUtc, db.AgendaCheckIns.Count(c => c.AgendaItemId == a.Id)))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<CirculationSession>>.Success(sessions);
    }
}
