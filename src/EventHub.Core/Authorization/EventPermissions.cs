using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

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
