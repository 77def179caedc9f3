using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

public sealed record EventOverview(
    Event Event,
    IReadOnlyList<EventRole> MyRoles,
    IReadOnlyDictionary<OutboundEmailStatus, int> EmailCounts,
    IReadOnlyDictionary<InvitationStatus, int> InvitationCounts,
    IReadOnlyDictionary<RegistrationStatus, int> RegistrationCounts,
    int TeamCount)
{
    public bool Can(EventPermission permission) => EventPermissions.Grants(MyRoles, permission);
}

/// <summary>One event with its agenda, organisations and live counts, for anyone on its team.</summary>
public sealed class GetEvent(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<EventOverview>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.View))
        {
            return Outcome<EventOverview>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await db.Events.AsNoTracking()
            .Include(e => e.Organisation)
            .Include(e => e.HostOrganisation)
            .Include(e => e.CoOrganisers)
            .Include(e => e.AgendaItems.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.SortOrder))
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (entity is null)
        {
            return Outcome<EventOverview>.NotFound();
        }

        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var roles = actor.IsInRole(Roles.Administrator)
            ? Enum.GetValues<EventRole>().ToList()
            : await db.EventTeamMembers.Where(t => t.EventId == eventId && t.UserId == userId).Select(t => t.Role).ToListAsync(ct);
        var emailCounts = await db.OutboundEmails.Where(e => e.EventId == eventId)
            .GroupBy(e => e.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var teamCount = await db.EventTeamMembers.Where(t => t.EventId == eventId).Select(t => t.UserId).Distinct().CountAsync(ct);
        var invitationCounts = await db.Invitations.Where(i => i.EventId == eventId).GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var registrationCounts = await db.Registrations.Where(r => r.EventId == eventId).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return Outcome<EventOverview>.Success(new EventOverview(entity, roles, emailCounts, invitationCounts, registrationCounts, teamCount));
    }
}
