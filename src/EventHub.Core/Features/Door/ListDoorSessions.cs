using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed record DoorSessionRow(Guid Id, string Label, string? StaffName, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, string? RevokedBy, DateTime? LastSeenAtUtc, int CheckIns);

public sealed record DoorSettings(bool NameCardsShowOrganisation, bool CheckInPerAgendaItem, int AgendaItems);

public sealed record DoorSessionsView(DoorSettings Settings, IReadOnlyList<DoorSessionRow> Sessions);

/// <summary>The event's door sessions (newest first) and its door settings, for the organisers.</summary>
public sealed class ListDoorSessions(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<DoorSessionsView>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<DoorSessionsView>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new DoorSettings(e.NameCardsShowOrganisation, e.CheckInPerAgendaItem, db.AgendaItems.Count(a => a.EventId == e.Id)))
            .SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            return Outcome<DoorSessionsView>.NotFound();
        }

        var sessions = await db.DoorSessions.AsNoTracking().Where(s => s.EventId == eventId)
            .OrderByDescending(s => s.CreatedAtUtc)
            .Select(s => new DoorSessionRow(s.Id, s.Label, s.StaffName, s.CreatedAtUtc, s.ExpiresAtUtc, s.RevokedAtUtc, s.RevokedBy, s.LastSeenAtUtc,
                db.CheckIns.Count(c => c.DoorSessionId == s.Id)))
            .ToListAsync(ct);
        return Outcome<DoorSessionsView>.Success(new DoorSessionsView(settings, sessions));
    }
}
