using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

public sealed record EventListItem(Guid Id, string Title, DateTime StartsAtUtc, string TimeZoneId, string? City, EventStatus Status, string Organisation, IReadOnlyList<EventRole> MyRoles);

/// <summary>The events a user works on: those where they hold a team role; administrators see all.</summary>
public sealed class ListEvents(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<EventListItem>> ExecuteAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Events.AsNoTracking();
        if (!actor.IsInRole(Roles.Administrator))
        {
            query = query.Where(e => e.Team.Any(t => t.UserId == userId));
        }

        var rows = await query
            .OrderByDescending(e => e.StartsAtUtc)
            .Select(e => new
            {
                e.Id, e.Title, e.StartsAtUtc, e.TimeZoneId, e.City, e.Status,
                Organisation = e.Organisation!.Name,
                Roles = e.Team.Where(t => t.UserId == userId).Select(t => t.Role).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new EventListItem(r.Id, r.Title, r.StartsAtUtc, r.TimeZoneId, r.City, r.Status, r.Organisation, r.Roles)).ToList();
    }
}
