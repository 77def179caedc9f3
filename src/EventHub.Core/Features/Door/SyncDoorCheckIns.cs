using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Door;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

/// <summary>One admission made on the device (possibly offline), with the device's own id for it.</summary>
public sealed class DeviceCheckIn
{
    public Guid ClientId { get; set; }
    public Guid RegistrationId { get; set; }

    /// <summary>The SHA-256 of the scanned pass; null when found by name.</summary>
    public string? PassHash { get; set; }

    /// <summary>When the device admitted the person (its clock).</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>An agenda item's attendance instead of the arrival at the door.</summary>
    public Guid? AgendaItemId { get; set; }

    /// <summary>The steward confirmed an admission outside the event's door day.</summary>
    public bool ConfirmedOutsideDay { get; set; }
}

public static class DeviceCheckInResults
{
    public const string Admitted = "admitted";
    public const string Conflict = "conflict";
    public const string Refused = "refused";
}

/// <summary>What became of one admission: counted, a conflict with the one that counts, or refused (with why).</summary>
public sealed record DeviceCheckInResult(Guid ClientId, string Result, string? Message = null);

/// <summary>
/// The device's queue, sent when the network is back. Nothing is lost and nothing is counted twice: each admission carries
/// the device's id (a second send changes nothing); the unique index on the registration keeps one check-in per person, and
/// an admission that loses to another door is kept as a <see cref="DoorConflict"/> for the organisers; a pass revoked
/// meanwhile is refused, and kept as a conflict too.
/// </summary>
public sealed class SyncDoorCheckIns(IDbContextFactory<EventHubDbContext> dbFactory, DoorSessionTokens tokens, DoorWindow window, TimeProvider clock)
{
    public const int MaxBatch = 500;

    public async Task<Outcome<IReadOnlyList<DeviceCheckInResult>>> ExecuteAsync(string? token, IReadOnlyList<DeviceCheckIn>? items, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await tokens.FindLiveAsync(db, token, ct) is not { } session)
        {
            return Outcome<IReadOnlyList<DeviceCheckInResult>>.Forbidden();
        }

        if (items is null || items.Count > MaxBatch || items.Any(i => i.ClientId == Guid.Empty || i.RegistrationId == Guid.Empty))
        {
            return Outcome<IReadOnlyList<DeviceCheckInResult>>.Invalid("items", $"Send 1 to {MaxBatch} check-ins, each with its own id and a registration.");
        }

        var e = await db.Events.AsNoTracking().Where(x => x.Id == session.EventId)
            .Select(x => new { x.StartsAtUtc, x.EndsAtUtc, x.TimeZoneId, x.CheckInPerAgendaItem }).SingleAsync(ct);
        var day = window.For(e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId);
        var results = new List<DeviceCheckInResult>(items.Count);
        foreach (var item in items)
        {
            db.ChangeTracker.Clear();
            results.Add(item.AgendaItemId is null
                ? await ArrivalAsync(db, session, day, item, ct)
                : await AgendaAsync(db, session, e.CheckInPerAgendaItem, item, ct));
        }

        return Outcome<IReadOnlyList<DeviceCheckInResult>>.Success(results);
    }

    private async Task<DeviceCheckInResult> ArrivalAsync(EventHubDbContext db, DoorSession session, DoorDay day, DeviceCheckIn item, CancellationToken ct)
    {
        if (await EarlierAnswerAsync(db, item.ClientId, ct) is { } replay)
        {
            return replay;
        }

        var r = await db.Registrations.AsNoTracking().Where(x => x.Id == item.RegistrationId && x.EventId == session.EventId)
            .Select(x => new
            {
                x.Name,
                x.OrganisationName,
                x.Status,
                PassLive = item.PassHash == null || db.AccessPasses.Any(p => p.RegistrationId == x.Id && p.TokenHash == item.PassHash && p.VoidedAtUtc == null),
                PassId = db.AccessPasses.Where(p => p.RegistrationId == x.Id && p.TokenHash == item.PassHash).Select(p => (Guid?)p.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (r is null)
        {
            return new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Refused, "Not on this event's list.");
        }

        var at = When(session, item.AtUtc);
        if (r.Status != RegistrationStatus.Approved || !r.PassLive)
        {
            var why = r.Status != RegistrationStatus.Approved ? "the registration is no longer approved" : "the pass was revoked";
            return await ConflictAsync(db, session, item, r.Name, r.OrganisationName, at, DoorConflictKind.RefusedPass, null,
                new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Refused, $"{r.Name}: {why}; the admission is kept for the organisers."), ct);
        }

        if (!day.Contains(at) && !item.ConfirmedOutsideDay)
        {
            return new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Refused, $"{r.Name}: not the event's day and not confirmed.");
        }

        var checkIn = new CheckIn
        {
            Id = Guid.CreateVersion7(),
            EventId = session.EventId,
            RegistrationId = item.RegistrationId,
            AccessPassId = r.PassId,
            Kind = item.PassHash is null ? CheckInKind.NameSearch : CheckInKind.Pass,
            Name = r.Name,
            OrganisationName = r.OrganisationName,
            AtUtc = at,
            ByName = session.StaffName ?? session.Label,
            Device = session.Label,
            ClientId = item.ClientId,
            DoorSessionId = session.Id,
        };
        db.CheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(ct);
            return new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Admitted);
        }
        catch (DbUpdateException ex) when (DoorAdmission.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            if (await EarlierAnswerAsync(db, item.ClientId, ct) is { } sameSentTwice)
            {
                return sameSentTwice;
            }

            var first = await db.CheckIns.AsNoTracking().SingleAsync(c => c.RegistrationId == item.RegistrationId, ct);
            return await ConflictAsync(db, session, item, r.Name, r.OrganisationName, at, DoorConflictKind.SecondAdmission, first.Id,
                new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Conflict, Describe(r.Name, first)), ct);
        }
    }

    private async Task<DeviceCheckInResult> AgendaAsync(EventHubDbContext db, DoorSession session, bool perAgendaItem, DeviceCheckIn item, CancellationToken ct)
    {
        if (await db.AgendaCheckIns.AnyAsync(a => a.ClientId == item.ClientId, ct))
        {
            return new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Admitted);
        }

        var valid = perAgendaItem
                    && await db.AgendaItems.AnyAsync(a => a.Id == item.AgendaItemId && a.EventId == session.EventId, ct)
                    && await db.Registrations.AnyAsync(r => r.Id == item.RegistrationId && r.EventId == session.EventId && r.Status == RegistrationStatus.Approved, ct);
        if (!valid)
        {
            return new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Refused, "Not on this session's list.");
        }

        db.AgendaCheckIns.Add(new AgendaCheckIn
        {
            Id = Guid.CreateVersion7(),
            EventId = session.EventId,
            AgendaItemId = item.AgendaItemId!.Value,
            RegistrationId = item.RegistrationId,
            ClientId = item.ClientId,
            AtUtc = When(session, item.AtUtc),
            ByName = session.StaffName ?? session.Label,
            Device = session.Label,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DoorAdmission.IsUniqueViolation(ex))
        {
            // Already in this session (another door, or this one before): attendance is a fact, not a count to double.
        }

        return new DeviceCheckInResult(item.ClientId, DeviceCheckInResults.Admitted);
    }

    /// <summary>The answer this device already got for the same admission (its id was sent before).</summary>
    private static async Task<DeviceCheckInResult?> EarlierAnswerAsync(EventHubDbContext db, Guid clientId, CancellationToken ct)
    {
        if (await db.CheckIns.AnyAsync(c => c.ClientId == clientId, ct))
        {
            return new DeviceCheckInResult(clientId, DeviceCheckInResults.Admitted);
        }

        var conflict = await db.DoorConflicts.AsNoTracking().Where(c => c.ClientId == clientId)
            .Select(c => new { c.Kind, c.Name, Counted = db.CheckIns.FirstOrDefault(i => i.Id == c.CheckInId) }).SingleOrDefaultAsync(ct);
        return conflict switch
        {
            null => null,
            { Kind: DoorConflictKind.SecondAdmission, Counted: { } counted } => new DeviceCheckInResult(clientId, DeviceCheckInResults.Conflict, Describe(conflict.Name, counted)),
            _ => new DeviceCheckInResult(clientId, DeviceCheckInResults.Refused, $"{conflict.Name}: the pass was refused; the admission is kept for the organisers."),
        };
    }

    private async Task<DeviceCheckInResult> ConflictAsync(EventHubDbContext db, DoorSession session, DeviceCheckIn item, string name, string? organisation,
        DateTime at, DoorConflictKind kind, Guid? countedId, DeviceCheckInResult answer, CancellationToken ct)
    {
        db.DoorConflicts.Add(new DoorConflict
        {
            Id = Guid.CreateVersion7(),
            EventId = session.EventId,
            RegistrationId = item.RegistrationId,
            CheckInId = countedId,
            ClientId = item.ClientId,
            Kind = kind,
            Name = name,
            OrganisationName = organisation,
            AtUtc = at,
            Device = session.Label,
            ByName = session.StaffName ?? session.Label,
            DoorSessionId = session.Id,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DoorAdmission.IsUniqueViolation(ex))
        {
            // The same admission sent twice at once: the first send recorded it.
        }

        return answer;
    }

    private static string Describe(string name, CheckIn counted)
        => $"{name} was already admitted at {counted.Device ?? "another door"} at {counted.AtUtc:HH:mm} UTC by {counted.ByName ?? "someone"}; this admission is kept as a conflict.";

    /// <summary>The device's clock, but never in the future nor before the session was opened (a phone with a wrong date).</summary>
    private DateTime When(DoorSession session, DateTime deviceUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var at = DateTime.SpecifyKind(deviceUtc, DateTimeKind.Utc);
        return at > now ? now : at < session.CreatedAtUtc ? session.CreatedAtUtc : at;
    }
}
