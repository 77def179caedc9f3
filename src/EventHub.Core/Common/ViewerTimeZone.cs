using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Common;

/// <summary>
/// The zone a staff member reads times in outside an event: the one they chose in their profile, else the installation's
/// (App:TimeZone). Inside an event, pages use the event's zone instead.
/// </summary>
public sealed class ViewerTimeZone(IDbContextFactory<EventHubDbContext> dbFactory, IOptions<AppOptions> options)
{
    public string InstallationZone => options.Value.TimeZone;

    public async Task<string> ForAsync(ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        var userId = viewer.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return InstallationZone;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chosen = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct);
        return EventTime.IsKnownZone(chosen) ? chosen! : InstallationZone;
    }

    /// <summary>Sets (or, with null/empty, clears) the viewer's own zone. False when the zone is unknown: nothing changes.</summary>
    public async Task<bool> SetAsync(ClaimsPrincipal viewer, string? timeZoneId, CancellationToken ct = default)
    {
        var userId = viewer.FindFirstValue(ClaimTypes.NameIdentifier);
        var zone = string.IsNullOrWhiteSpace(timeZoneId) ? null : timeZoneId.Trim();
        if (userId is null || (zone is not null && !EventTime.IsKnownZone(zone)))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, zone), ct) == 1;
    }
}
