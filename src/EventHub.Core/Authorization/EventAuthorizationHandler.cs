using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>
/// The one handler: may this user do this to this event (event roles), and may they act in this organisation
/// (organisation roles)? Administrators hold every permission.
/// </summary>
public sealed class EventAuthorizationHandler(IDbContextFactory<EventHubDbContext> dbFactory) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case EventPermissionRequirement e when context.Resource is EventResource resource:
                    if (context.User.IsInRole(Roles.Administrator) || await HoldsAsync(context.User, resource, e.Permission))
                    {
                        context.Succeed(requirement);
                    }

                    break;
                case OrganisationRoleRequirement o:
                    if (context.User.IsInRole(Roles.Administrator)
                        || await HoldsAsync(context.User, (context.Resource as OrganisationResource)?.OrganisationId, o.Role))
                    {
                        context.Succeed(requirement);
                    }

                    break;
            }
        }
    }

    private async Task<bool> HoldsAsync(ClaimsPrincipal user, EventResource resource, EventPermission permission)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var roles = await db.EventTeamMembers
            .Where(t => t.EventId == resource.EventId && t.UserId == userId)
            .Select(t => t.Role)
            .ToListAsync();
        return EventPermissions.Grants(roles, permission);
    }

    private async Task<bool> HoldsAsync(ClaimsPrincipal user, Guid? organisationId, OrganisationRole role)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.OrganisationRoleGrants.AnyAsync(g => g.UserId == userId && g.Role == role
                                                             && (organisationId == null || g.OrganisationId == organisationId));
    }
}
