using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Door;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed record DoorDeviceAgendaItem(Guid Id, string Title, DateTime StartsAtUtc);

/// <summary>
/// What the offline door device learns when it opens its session: the event, its door day, the device's label, when the
/// session expires, and the key that encrypts the device's copy of the list.
/// </summary>
public sealed record DoorDeviceSession(Guid EventId, string Title, DateTime StartsAtUtc, string TimeZoneId, string? Venue,
    string Label, string? StaffName, DateTime ExpiresAtUtc, DateTime DoorOpensAtUtc, DateTime DoorClosesAtUtc, string DoorDay,
    string ListKey, int RefreshSeconds, IReadOnlyList<DoorDeviceAgendaItem> AgendaItems);

/// <summary>The offline door's start: the session token is the credential; a revoked or expired one gets nothing.</summary>
public sealed class GetDoorDeviceSession(IDbContextFactory<EventHubDbContext> dbFactory, DoorSessionTokens tokens, DoorWindow window, Microsoft.Extensions.Options.IOptions<DoorOptions> options)
{
    public async Task<Outcome<DoorDeviceSession>> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await tokens.FindLiveAsync(db, token, ct) is not { } session)
        {
            return Outcome<DoorDeviceSession>.Forbidden();
        }

        var e = await db.Events.AsNoTracking().Where(x => x.Id == session.EventId)
            .Select(x => new { x.Title, x.StartsAtUtc, x.EndsAtUtc, x.TimeZoneId, x.Venue, x.CheckInPerAgendaItem }).SingleAsync(ct);
        var agenda = e.CheckInPerAgendaItem
            ? await db.AgendaItems.AsNoTracking().Where(a => a.EventId == session.EventId).OrderBy(a => a.StartsAtUtc).ThenBy(a => a.SortOrder)
                .Select(a => new DoorDeviceAgendaItem(a.Id, a.Title, a.StartsAtUtc)).ToListAsync(ct)
            : [];
        var day = window.For(e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId);
        return Outcome<DoorDeviceSession>.Success(new DoorDeviceSession(session.EventId, e.Title, e.StartsAtUtc, e.TimeZoneId, e.Venue,
            session.Label, session.StaffName, session.ExpiresAtUtc, day.OpensAtUtc, day.ClosesAtUtc, day.Describe(),
            tokens.ListKey(session), options.Value.RefreshSeconds, agenda));
    }
}
