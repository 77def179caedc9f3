using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Team;

public sealed class RemoveTeamRole(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid teamMemberId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ManageTeam))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.EventTeamMembers.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == teamMemberId && t.EventId == eventId, ct);
        if (member is null)
        {
            return Outcome.NotFound();
        }

        if (member.Role == EventRole.Organiser
            && await db.EventTeamMembers.CountAsync(t => t.EventId == eventId && t.Role == EventRole.Organiser, ct) == 1)
        {
            return Outcome.Invalid("", "An event needs at least one organiser: add another before removing the last one.");
        }

        db.EventTeamMembers.Remove(member);
        audit.Record(db, actor, "team.role-removed", eventId, nameof(ApplicationUser), member.UserId, $"{member.User?.Email}: {member.Role}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
