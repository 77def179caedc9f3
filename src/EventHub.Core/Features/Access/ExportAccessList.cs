using System.Globalization;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

public enum AccessListFormat
{
    Csv,
    Xlsx,
}

public sealed record AccessListFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The access list for building security: approved attendees with only the columns the venue asked for, under header
/// lines saying what it is, who exported it and when (in the event's time zone). Security fields are decrypted only for
/// organisers; for anyone else on the team those columns are left out and the header says so. Every export is audited.
/// </summary>
public sealed class ExportAccessList(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, SecurityData securityData, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<AccessListFile>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, AccessListFormat format, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewParticipants))
        {
            return Outcome<AccessListFile>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<AccessListFile>.NotFound();
        }

        var organiser = await authorization.CanAsync(actor, eventId, EventPermission.ViewSecurityData);
        var chosen = AccessListColumns.Chosen(e.AccessListFields);
        var columns = chosen.Where(f => organiser || !AccessListColumns.IsSecurity(f)).ToList();
        var withheld = chosen.Count - columns.Count;
        var needsSecurity = columns.Any(AccessListColumns.IsSecurity);

        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Approved && r.AnonymisedAtUtc == null)
            .OrderBy(r => r.Name).ThenBy(r => r.NormalizedEmail)
            .Select(r => new { r.Name, r.OrganisationName, r.Position, r.Email, r.Phone, r.ProtectedSecurityData })
            .ToListAsync(ct);

        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var exporter = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        var who = exporter is null ? actor.Identity?.Name ?? "unknown" : $"{exporter.DisplayName} <{exporter.Email}>";
        var now = clock.GetUtcNow().UtcDateTime;

        var header = new List<string>
        {
            $"Access list: {e.Title}",
            $"{EventTime.Format(e.StartsAtUtc, e.TimeZoneId)}{(string.IsNullOrWhiteSpace(e.Venue) ? "" : " · " + e.Venue)}{(string.IsNullOrWhiteSpace(e.City) ? "" : ", " + e.City)}",
            $"Exported by {who} on {EventTime.Format(now, e.TimeZoneId, "d MMMM yyyy, HH:mm")}",
            $"{people.Count} approved {(people.Count == 1 ? "attendee" : "attendees")}. Confidential: personal data for building security only; delete after the event.",
        };
        if (withheld > 0)
        {
            header.Add("Security fields (date of birth, nationality, identity document) are left out: only the event's organisers may export them.");
        }

        var rows = people.Select(p =>
        {
            var security = needsSecurity ? securityData.Unprotect(p.ProtectedSecurityData) : null;
            return (IReadOnlyList<string>)columns.Select(c => c switch
            {
                AccessListField.Name => p.Name,
                AccessListField.Organisation => p.OrganisationName ?? "",
                AccessListField.Position => p.Position ?? "",
                AccessListField.Email => p.Email,
                AccessListField.Phone => p.Phone ?? "",
                AccessListField.DateOfBirth => security?.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                AccessListField.Nationality => security?.Nationality ?? "",
                AccessListField.DocumentType => security?.DocumentType ?? "",
                AccessListField.DocumentNumber => security?.DocumentNumber ?? "",
                _ => "",
            }).ToList();
        }).ToList();
        var labels = columns.Select(AccessListColumns.Label).ToList();

        var file = await SpreadsheetFile.CreateAsync(format == AccessListFormat.Csv ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx,
            $"access-list-{SpreadsheetFile.Slug(e.Title)}-{EventTime.ToLocal(now, e.TimeZoneId):yyyy-MM-dd}", "Access list", header, labels, rows, ct);
        audit.Record(db, actor, "access-list.exported", eventId, nameof(Event), eventId.ToString(),
            $"{format.ToString().ToUpperInvariant()}, {people.Count} attendees, columns: {string.Join(", ", columns)}{(withheld > 0 ? $" ({withheld} security columns withheld)" : "")}");
        await db.SaveChangesAsync(ct);
        return Outcome<AccessListFile>.Success(new AccessListFile(file.FileName, file.ContentType, file.Content));
    }
}
