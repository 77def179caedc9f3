using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>An approved attendee found by name at the door (no pass at hand) is admitted, once.</summary>
public sealed class CheckInByName(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, EventHub.Core.Door.DoorWindow window, TimeProvider clock)
{
    public async Task<Outcome<DoorAnswer>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid registrationId, string? device, bool confirmedOutsideDay = false, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.CheckIn))
        {
            return Outcome<DoorAnswer>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Registrations.AsNoTracking()
            .Where(x => x.Id == registrationId && x.EventId == eventId && x.Status == RegistrationStatus.Approved)
            .Select(x => new { x.Id, x.Name, x.OrganisationName })
            .SingleOrDefaultAsync(ct);
        if (r is null)
        {
            return Outcome<DoorAnswer>.Success(DoorAnswer.NotOnList);
        }

        if (await DoorAdmission.AlreadyInAsync(db, r.Id, ct) is { } already)
        {
            return Outcome<DoorAnswer>.Success(already);
        }

        if (await DoorAdmission.OutsideDayAsync(db, window, clock, eventId, r.Name, r.OrganisationName, confirmedOutsideDay, ct) is { } question)
        {
            return Outcome<DoorAnswer>.Success(question);
        }

        var (userId, byName) = await DoorAdmission.WhoAsync(db, actor, ct);
        return Outcome<DoorAnswer>.Success(await DoorAdmission.AdmitAsync(db, new CheckIn
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            RegistrationId = r.Id,
            Kind = CheckInKind.NameSearch,
            Name = r.Name,
            OrganisationName = r.OrganisationName,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ByUserId = userId,
            ByName = byName,
            Device = DoorAdmission.Device(device),
        }, ct));
    }
}
