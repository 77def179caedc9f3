using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

public static class Roles
{
    /// <summary>The only installation-wide role: runs organisations, users, the outbox and the job dashboard.</summary>
    public const string Administrator = "Administrator";
}

public static class Policies
{
    public const string Administrator = "Administrator";

    /// <summary>Administrators and anyone who organises at least one event.</summary>
    public const string Staff = "Staff";
}

/// <summary>What someone may do with one event. Each screen and each use case asks for one of these.</summary>
public enum EventPermission
{
    /// <summary>See the event overview, agenda and team (any team role except door staff, who see only the door screens).</summary>
    View,
    Edit,
    ManageTeam,
    ViewOutbox,
    Invite,
    Vet,
    CheckIn,
    DraftReport,
    ReviewReport,

    /// <summary>See the full participant list and export the access list (the team, except door staff: the door screen is all they need).</summary>
    ViewParticipants,

    /// <summary>Read the pre-read documents (the team, except door staff).</summary>
    ViewDocuments,

    /// <summary>
    /// Read the decrypted security data (date of birth, nationality, identity document) on any page, export or email: the
    /// event's organisers only. Vetters and host reviewers see whether it is on file, not what it says.
    /// </summary>
    ViewSecurityData,
}

public sealed record EventPermissionRequirement(EventPermission Permission) : IAuthorizationRequirement;

/// <summary>The resource the handler decides on: an event id, never trusted by itself.</summary>
public sealed record EventResource(Guid EventId);

public static class EventPermissions
{
    /// <summary>Which per-event roles grant which permission. Administrators hold every permission.</summary>
    public static IReadOnlySet<EventRole> RolesFor(EventPermission permission) => permission switch
    {
        // Door staff "see nothing else": only CheckIn, which opens the door screens.
        EventPermission.View => new HashSet<EventRole>(Enum.GetValues<EventRole>().Where(r => r != EventRole.DoorStaff)),
        EventPermission.Edit or EventPermission.ManageTeam or EventPermission.ViewOutbox or EventPermission.Invite or EventPermission.ViewSecurityData
            => new HashSet<EventRole> { EventRole.Organiser },
        EventPermission.Vet => new HashSet<EventRole> { EventRole.Organiser, EventRole.Vetter, EventRole.HostReviewer },
        EventPermission.CheckIn => new HashSet<EventRole> { EventRole.Organiser, EventRole.DoorStaff },
        EventPermission.DraftReport => new HashSet<EventRole> { EventRole.Organiser, EventRole.Rapporteur },
        EventPermission.ReviewReport => new HashSet<EventRole> { EventRole.Organiser, EventRole.HostReviewer },
        EventPermission.ViewParticipants or EventPermission.ViewDocuments
            => new HashSet<EventRole>(Enum.GetValues<EventRole>().Where(r => r != EventRole.DoorStaff)),
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    public static bool Grants(IEnumerable<EventRole> roles, EventPermission permission)
    {
        var allowed = RolesFor(permission);
        return roles.Any(allowed.Contains);
    }
}

/// <summary>The one resource-based handler: may this user do this to this event?</summary>
public sealed class EventAuthorizationHandler(IDbContextFactory<EventHubDbContext> dbFactory)
    : AuthorizationHandler<EventPermissionRequirement, EventResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EventPermissionRequirement requirement, EventResource resource)
    {
        if (context.User.IsInRole(Roles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var roles = await db.EventTeamMembers
            .Where(t => t.EventId == resource.EventId && t.UserId == userId)
            .Select(t => t.Role)
            .ToListAsync();
        if (EventPermissions.Grants(roles, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

public static class AuthorizationServiceExtensions
{
    public static async Task<bool> CanAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Guid eventId, EventPermission permission)
        => (await authorization.AuthorizeAsync(user, new EventResource(eventId), new EventPermissionRequirement(permission))).Succeeded;
}
