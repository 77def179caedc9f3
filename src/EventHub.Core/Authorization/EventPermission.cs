using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

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
