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

    /// <summary>Holders of <see cref="OrganisationRole.CreatesEvents"/> in some organisation (and administrators).</summary>
    public const string CreatesEvents = "CreatesEvents";

    /// <summary>Holders of <see cref="OrganisationRole.KeepsDirectory"/> in some organisation (and administrators).</summary>
    public const string KeepsDirectory = "KeepsDirectory";

    /// <summary>Holders of <see cref="OrganisationRole.ManagesOrganisation"/> in some organisation (and administrators).</summary>
    public const string ManagesOrganisation = "ManagesOrganisation";
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

    /// <summary>Export registrations, invitations and check-ins (CSV, XLSX), and message a filtered set of registrants: organisers.</summary>
    ExportRegistrations,

    /// <summary>Read the event's activity (its audit entries in plain words) and export it: the event's organisers.</summary>
    ViewActivity,
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
        EventPermission.ExportRegistrations or EventPermission.ViewActivity => new HashSet<EventRole> { EventRole.Organiser },
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

/// <summary>
/// "May this user act in this organisation with this role?" With an <see cref="OrganisationResource"/> it asks about that
/// organisation; without one (a page's policy) it asks whether the user holds the role in any organisation.
/// </summary>
public sealed record OrganisationRoleRequirement(OrganisationRole Role) : IAuthorizationRequirement;

/// <summary>The organisation an <see cref="OrganisationRoleRequirement"/> is decided for.</summary>
public sealed record OrganisationResource(Guid OrganisationId);

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

public static class AuthorizationServiceExtensions
{
    /// <summary>Whether the user holds <paramref name="role"/> in the organisation (administrators hold every role).</summary>
    public static async Task<bool> HoldsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Guid organisationId, OrganisationRole role)
        => (await authorization.AuthorizeAsync(user, new OrganisationResource(organisationId), new OrganisationRoleRequirement(role))).Succeeded;

    public static async Task<bool> CanAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Guid eventId, EventPermission permission)
        => (await authorization.AuthorizeAsync(user, new EventResource(eventId), new EventPermissionRequirement(permission))).Succeeded;
}
