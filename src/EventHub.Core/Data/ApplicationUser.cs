using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Data;

/// <summary>A staff account: administrators and the members of event teams. Invitees and attendees have no account.</summary>
public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string? DisplayName { get; set; }

    /// <summary>The organisation this staff member works for; events they create belong to it.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The IANA zone this person reads times in outside an event; null: the installation's (App:TimeZone).</summary>
    public string? TimeZoneId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The staff member's language for the screens (en, fr, de); null: the browser's.</summary>
    public string? PreferredLanguage { get; set; }
}
