using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed record DoorActivity(int CheckedIn, int Approved, int Overrides, IReadOnlyList<DoorAnswer> Recent);

/// <summary>
/// The running count and the latest check-ins, read from the database so every door screen of the event — on any app
/// node — sees the same; the screen polls it.
/// </summary>
public sealed class GetDoorActivity(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<DoorActivity>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, int recent = 8, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.CheckIn))
        {
            return Outcome<DoorActivity>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var checkedIn = await db.CheckIns.CountAsync(c => c.EventId == eventId, ct);
        var overrides = await db.CheckIns.CountAsync(c => c.EventId == eventId && c.Kind == CheckInKind.Override, ct);
        var approved = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Approved, ct);
        var latest = await db.CheckIns.AsNoTracking().Where(c => c.EventId == eventId)
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .Take(recent)
            .ToListAsync(ct);
        return Outcome<DoorActivity>.Success(new DoorActivity(checkedIn, approved, overrides, latest.Select(c => DoorAnswer.From(DoorVerdict.Admitted, c)).ToList()));
    }
}
