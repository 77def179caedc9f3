using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Door;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>An earlier admission as the device shows it under "ALREADY IN".</summary>
public sealed record DoorListCheckIn(DateTime AtUtc, string? ByName, string? Device);

/// <summary>
/// One approved attendee on the device: the SHA-256 of their live pass token (never the token), name, organisation,
/// status, their check-in and the agenda items they were checked into.
/// </summary>
public sealed record DoorListEntry(Guid RegistrationId, string? PassHash, string Name, string? OrganisationName, string Status,
    DoorListCheckIn? CheckIn, IReadOnlyList<Guid> AgendaItems);

public sealed record DoorList(DateTime GeneratedAtUtc, IReadOnlyList<DoorListEntry> Attendees);

/// <summary>
/// The door list for an offline door session: approved registrations only (a rejected, cancelled or pending person is not
/// on the device at all), so a pass revoked since the last refresh disappears from the device at its next refresh.
/// </summary>
public sealed class GetDoorList(IDbContextFactory<EventHubDbContext> dbFactory, DoorSessionTokens tokens, TimeProvider clock)
{
    public async Task<Outcome<DoorList>> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await tokens.FindLiveAsync(db, token, ct) is not { } session)
        {
            return Outcome<DoorList>.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = session.EventId;
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Approved)
            .Select(r => new { r.Id, r.Name, r.OrganisationName })
            .ToListAsync(ct);
        var passes = await db.AccessPasses.AsNoTracking()
            .Where(p => p.EventId == eventId && p.VoidedAtUtc == null && p.Registration!.Status == RegistrationStatus.Approved)
            .Select(p => new { p.RegistrationId, p.TokenHash })
            .ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.EventId == eventId && c.RegistrationId != null)
            .Select(c => new { RegistrationId = c.RegistrationId!.Value, c.AtUtc, c.ByName, c.Device })
            .ToListAsync(ct);
        var agenda = await db.AgendaCheckIns.AsNoTracking().Where(a => a.EventId == eventId)
            .Select(a => new { a.RegistrationId, a.AgendaItemId }).ToListAsync(ct);
        var passBy = passes.GroupBy(p => p.RegistrationId).ToDictionary(g => g.Key, g => g.First().TokenHash);
        var inBy = checkIns.ToDictionary(c => c.RegistrationId, c => new DoorListCheckIn(c.AtUtc, c.ByName, c.Device));
        var agendaBy = agenda.GroupBy(a => a.RegistrationId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(a => a.AgendaItemId).ToList());
        var list = people
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new DoorListEntry(p.Id, passBy.GetValueOrDefault(p.Id), p.Name, p.OrganisationName, "approved",
                inBy.GetValueOrDefault(p.Id), agendaBy.GetValueOrDefault(p.Id) ?? []))
            .ToList();
        // Seen now and then, not on every refresh: one write a minute per device is enough for "last seen".
        if (session.LastSeenAtUtc is null || session.LastSeenAtUtc < now.AddMinutes(-1))
        {
            await db.DoorSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), ct);
        }

        return Outcome<DoorList>.Success(new DoorList(now, list));
    }
}
