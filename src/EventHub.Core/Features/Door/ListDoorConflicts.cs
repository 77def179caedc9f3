using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>One conflict as the organiser reads it, with the check-in that counts (for a second admission).</summary>
public sealed record DoorConflictRow(DoorConflictKind Kind, string Name, string? OrganisationName, DateTime AtUtc, string? Device, string? ByName,
    DateTime? CountedAtUtc, string? CountedDevice, string? CountedByName);

/// <summary>Offline admissions the database could not count (a second admission, a refused pass), newest first: organisers only.</summary>
public sealed class ListDoorConflicts(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<DoorConflictRow>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<IReadOnlyList<DoorConflictRow>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DoorConflicts.AsNoTracking().Where(c => c.EventId == eventId)
            .OrderByDescending(c => c.RecordedAtUtc)
            .Select(c => new
            {
                c.Kind, c.Name, c.OrganisationName, c.AtUtc, c.Device, c.ByName,
                Counted = db.CheckIns.Where(i => i.Id == c.CheckInId).Select(i => new { i.AtUtc, i.Device, i.ByName }).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<DoorConflictRow>>.Success(rows
            .Select(r => new DoorConflictRow(r.Kind, r.Name, r.OrganisationName, r.AtUtc, r.Device, r.ByName, r.Counted?.AtUtc, r.Counted?.Device, r.Counted?.ByName))
            .ToList());
    }
}
