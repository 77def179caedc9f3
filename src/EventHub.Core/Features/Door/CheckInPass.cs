using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>
/// A pass scanned (camera, USB or Bluetooth scanner) or typed at the door. Admits once: a live pass of this event whose
/// registration is approved. Anything else — unknown, void, another event's pass, a rejected, cancelled or pending
/// registration, garbage — is "not on the list", with nothing else shown.
/// </summary>
public sealed class CheckInPass(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, EventHub.Core.Door.DoorWindow window, TimeProvider clock)
{
    public async Task<Outcome<DoorAnswer>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, string? scanned, string? device, bool confirmedOutsideDay = false, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.CheckIn))
        {
            return Outcome<DoorAnswer>.Forbidden();
        }

        var token = scanned?.Trim();
        if (!PersonalToken.LooksValid(token))
        {
            return Outcome<DoorAnswer>.Success(DoorAnswer.NotOnList);
        }

        var hash = PersonalToken.Hash(token!);
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One round trip for the pass, an earlier check-in of its registration and the steward's display name: the door's
        // answer waits on the database, and under a burst of scans every round trip queues behind the others.
        var pass = await db.AccessPasses.AsNoTracking()
            .Where(p => p.TokenHash == hash && p.EventId == eventId && p.VoidedAtUtc == null
                        && p.Registration!.EventId == eventId && p.Registration.Status == RegistrationStatus.Approved)
            .Select(p => new
            {
                p.Id,
                p.RegistrationId,
                p.Registration!.Name,
                p.Registration.OrganisationName,
                Earlier = db.CheckIns.Where(c => c.RegistrationId == p.RegistrationId).FirstOrDefault(),
                StewardName = db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (pass is null)
        {
            return Outcome<DoorAnswer>.Success(DoorAnswer.NotOnList);
        }

        if (pass.Earlier is not null)
        {
            return Outcome<DoorAnswer>.Success(DoorAnswer.From(DoorVerdict.AlreadyIn, pass.Earlier));
        }

        if (await DoorAdmission.OutsideDayAsync(db, window, clock, eventId, pass.Name, pass.OrganisationName, confirmedOutsideDay, ct) is { } question)
        {
            return Outcome<DoorAnswer>.Success(question);
        }

        var byName = pass.StewardName ?? actor.Identity?.Name;
        return Outcome<DoorAnswer>.Success(await DoorAdmission.AdmitAsync(db, new CheckIn
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            RegistrationId = pass.RegistrationId,
            AccessPassId = pass.Id,
            Kind = CheckInKind.Pass,
            Name = pass.Name,
            OrganisationName = pass.OrganisationName,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ByUserId = userId,
            ByName = byName,
            Device = DoorAdmission.Device(device),
        }, ct));
    }
}
