using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

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
