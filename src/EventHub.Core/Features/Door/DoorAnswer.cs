using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventHub.Core.Features.Door;

public enum DoorVerdict
{
    Admitted,
    AlreadyIn,

    /// <summary>Unknown, void or foreign pass, or a registration that is not approved: the screen shows nothing else.</summary>
    NotOnList,

    /// <summary>On the list and not yet in, but this is not the event's day: the door asks before admitting.</summary>
    NeedsConfirmation,
}

/// <summary>What the door screen shows after a scan, a name search or an organiser's override.</summary>
public sealed record DoorAnswer(DoorVerdict Verdict, string? Name = null, string? OrganisationName = null, DateTime? AtUtc = null, string? ByName = null, string? Device = null, CheckInKind? Kind = null)
{
    public static readonly DoorAnswer NotOnList = new(DoorVerdict.NotOnList);

    /// <summary>Why the door asks for confirmation (with <see cref="DoorVerdict.NeedsConfirmation"/>).</summary>
    public string? Warning { get; init; }

    public static DoorAnswer Confirm(string name, string? organisation, string warning) => new(DoorVerdict.NeedsConfirmation, name, organisation) { Warning = warning };

    public static DoorAnswer From(DoorVerdict verdict, CheckIn c) => new(verdict, c.Name, c.OrganisationName, c.AtUtc, c.ByName, c.Device, c.Kind);
}

/// <summary>
/// The one place a check-in is written. The unique index on CheckIn.RegistrationId decides races between doors: the second
/// insert fails with a unique violation (SQLite, PostgreSQL, SQL Server alike) and becomes "already in" with the winner's
/// time, person and device.
/// </summary>
internal static class DoorAdmission
{
    public static async Task<DoorAnswer> AdmitAsync(EventHubDbContext db, CheckIn checkIn, CancellationToken ct)
    {
        db.CheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(ct);
            return DoorAnswer.From(DoorVerdict.Admitted, checkIn);
        }
        catch (DbUpdateException ex) when (checkIn.RegistrationId is not null && IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            var first = await db.CheckIns.AsNoTracking().SingleAsync(c => c.RegistrationId == checkIn.RegistrationId, ct);
            return DoorAnswer.From(DoorVerdict.AlreadyIn, first);
        }
    }

    public static async Task<DoorAnswer?> AlreadyInAsync(EventHubDbContext db, Guid registrationId, CancellationToken ct)
    {
        var first = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.RegistrationId == registrationId, ct);
        return first is null ? null : DoorAnswer.From(DoorVerdict.AlreadyIn, first);
    }

    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException q => q.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>The name the door screens show for who admitted someone: the staff member's display name, else their login.</summary>
    public static async Task<(string? UserId, string? Name)> WhoAsync(EventHubDbContext db, ClaimsPrincipal actor, CancellationToken ct)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var display = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return (userId, display ?? actor.Identity?.Name);
    }

    /// <summary>Outside the event's door day and not confirmed: the question to ask instead of admitting; otherwise null.</summary>
    public static async Task<DoorAnswer?> OutsideDayAsync(EventHubDbContext db, EventHub.Core.Door.DoorWindow window, TimeProvider clock, Guid eventId, string name, string? organisation, bool confirmed, CancellationToken ct)
    {
        if (confirmed)
        {
            return null;
        }

        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId).Select(x => new { x.StartsAtUtc, x.EndsAtUtc, x.TimeZoneId }).SingleAsync(ct);
        var day = window.For(e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        return day.Contains(now) ? null : DoorAnswer.Confirm(name, organisation, day.Warning(now));
    }

    public static string? Device(string? device)
    {
        var d = device?.Trim();
        return string.IsNullOrEmpty(d) ? null : d.Length > 100 ? d[..100] : d;
    }
}
