using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Printing;
using EventHub.Core.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public enum DoorPrint
{
    NameCards,
    CheckInSheet,
    Badges,
}

public sealed record PrintedFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// The door's printed material for the approved list: name cards (table tents), the paper check-in sheet and badges with
/// the QR pass. For whoever works the door (organisers and door staff); every download is audited, because each is a copy
/// of the participant list leaving the system.
/// </summary>
public sealed class PrintDoorMaterial(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AccessPasses passes, AuditLog audit)
{
    public async Task<Outcome<PrintedFile>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, DoorPrint print, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.CheckIn))
        {
            return Outcome<PrintedFile>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId)
            .Select(x => new { x.Title, x.StartsAtUtc, x.TimeZoneId, x.Venue, x.NameCardsShowOrganisation }).SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return Outcome<PrintedFile>.NotFound();
        }

        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Approved)
            .Select(r => new
            {
                r.Name,
                r.OrganisationName,
                Pass = print == DoorPrint.NameCards ? null : db.AccessPasses.Where(p => p.RegistrationId == r.Id && p.VoidedAtUtc == null).OrderByDescending(p => p.IssuedAtUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var people = rows
            .Select(r => new PrintedAttendee(r.Name, r.OrganisationName, r.Pass is null ? null : passes.Token(r.Pass)))
            .OrderBy(p => p.Name, DoorPrints.NameOrder)
            .ToList();
        var printed = new PrintedEvent(e.Title, e.StartsAtUtc, e.TimeZoneId, e.Venue);
        var file = print switch
        {
            DoorPrint.NameCards => new PrintedFile(DoorPrints.NameCards(printed, people, e.NameCardsShowOrganisation), "name-cards.pdf"),
            DoorPrint.CheckInSheet => new PrintedFile(DoorPrints.CheckInSheet(printed, people), "check-in-sheet.pdf"),
            _ => new PrintedFile(DoorPrints.Badges(printed, people, e.NameCardsShowOrganisation), "badges.pdf"),
        };
        audit.Record(db, actor, "door.print", eventId, nameof(Event), eventId.ToString(), $"{file.FileName}: {people.Count} approved attendees");
        await db.SaveChangesAsync(ct);
        return Outcome<PrintedFile>.Success(file);
    }
}
