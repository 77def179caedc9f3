using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Team;

public sealed record TeamMemberRow(Guid Id, string UserId, string? Name, string? Email, string? Organisation, EventRole Role, DateTime AddedAtUtc, string? ApproverGroup = null);

public sealed class ListTeam(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<TeamMemberRow>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.View))
        {
            return Outcome<IReadOnlyList<TeamMemberRow>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.EventTeamMembers.AsNoTracking()
            .Where(t => t.EventId == eventId)
            .OrderBy(t => t.Role).ThenBy(t => t.User!.DisplayName)
            .Select(t => new TeamMemberRow(t.Id, t.UserId, t.User!.DisplayName, t.User.Email, t.User.Organisation!.Name, t.Role, t.AddedAtUtc, t.ApproverGroup))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<TeamMemberRow>>.Success(rows);
    }
}
