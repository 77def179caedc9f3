using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Door;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed class DoorSessionForm
{
    [Required(ErrorMessage = "Name the door device (e.g. \"Side door, phone 2\"): each check-in records it.")]
    [StringLength(100, ErrorMessage = "The device's name can be at most 100 characters.")]
    public string? Label { get; set; }

    [StringLength(100, ErrorMessage = "The staff member's name can be at most 100 characters.")]
    public string? StaffName { get; set; }
}

/// <summary>The new session with its token: shown once (as a link and a QR code) for the door device to open.</summary>
public sealed record OpenedDoorSession(Guid Id, string Token, DateTime ExpiresAtUtc);

/// <summary>
/// An organiser opens a door session for one device of the offline door. It expires at the end of the event's door day;
/// opening one after that is refused.
/// </summary>
public sealed class OpenDoorSession(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, DoorSessionTokens tokens, DoorWindow window, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<OpenedDoorSession>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, DoorSessionForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<OpenedDoorSession>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<OpenedDoorSession>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId).Select(x => new { x.StartsAtUtc, x.EndsAtUtc, x.TimeZoneId }).SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return Outcome<OpenedDoorSession>.NotFound();
        }

        var day = window.For(e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= day.ClosesAtUtc)
        {
            return Outcome<OpenedDoorSession>.Invalid("", $"The door closed after {day.Describe()}: a door session can no longer be opened.");
        }

        var (token, hash, key) = tokens.Create();
        var session = new DoorSession
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Label = form.Label!.Trim(),
            StaffName = string.IsNullOrWhiteSpace(form.StaffName) ? null : form.StaffName.Trim(),
            TokenHash = hash,
            ProtectedListKey = key,
            CreatedAtUtc = now,
            CreatedByUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            ExpiresAtUtc = day.ClosesAtUtc,
        };
        db.DoorSessions.Add(session);
        audit.Record(db, actor, "door.session.open", eventId, nameof(DoorSession), session.Id.ToString(), $"Door session \"{session.Label}\" opened, until {session.ExpiresAtUtc:u}");
        await db.SaveChangesAsync(ct);
        return Outcome<OpenedDoorSession>.Success(new OpenedDoorSession(session.Id, token, session.ExpiresAtUtc));
    }
}
