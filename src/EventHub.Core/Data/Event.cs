using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Data;

public enum EventStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
    Archived = 3,
}

/// <summary>A closed-door meeting. Instants are stored in UTC; <see cref="TimeZoneId"/> is used only to display and to email.</summary>
public class Event
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }

    /// <summary>IANA time zone, e.g. Europe/Brussels.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>The exact venue (building, room): shown only to the team and, later, to approved attendees.</summary>
    public string? Venue { get; set; }

    /// <summary>The city: the only place information an invitee sees before approval.</summary>
    public string? City { get; set; }

    public int Capacity { get; set; }

    /// <summary>Who hosts the meeting, as it should be printed (e.g. "MEP Michael Gahler (DE)").</summary>
    public string? HostName { get; set; }
    public Guid? HostOrganisationId { get; set; }
    public Organisation? HostOrganisation { get; set; }

    /// <summary>The organisation that owns the event; its staff create and run it.</summary>
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public List<Organisation> CoOrganisers { get; set; } = [];
    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<EventTeamMember> Team { get; set; } = [];

    public EventStatus Status { get; set; }

    /// <summary>The groups whose approval a registration needs (e.g. "Organiser", "Co-organiser", "Host office"); empty means one approval by any vetter.</summary>
    public List<string> ApproverGroups { get; set; } = [];

    /// <summary>
    /// The groups that review the event's report (e.g. "Host office", "Co-organiser"): their own list, apart from
    /// <see cref="ApproverGroups"/>; host reviewers decide for one of them. Empty: the defaults of the review workflow.
    /// </summary>
    public List<string> ReportReviewerGroups { get; set; } = [];

    /// <summary>Registrations approved so far. Raised only by a conditional update that checks <see cref="Capacity"/>, so two vetters cannot both take the last place.</summary>
    public int ApprovedCount { get; set; }

    /// <summary>Whether the venue's security needs date of birth, nationality and identity document: asked, encrypted, shown only to organisers and vetters.</summary>
    public bool RequireSecurityData { get; set; }

    /// <summary>
    /// Whether an invitation may be accepted only under the invited contact's name (titles, accents, case and order aside).
    /// Off: another name is accepted and flagged in the vetting queue with both names.
    /// </summary>
    public bool RequireInviteeName { get; set; }

    /// <summary>Whether people who were not invited may ask to attend through the public request page (always vetted).</summary>
    public bool AllowRequests { get; set; }

    /// <summary>Until when attendees may edit their details; null: until the event starts.</summary>
    public DateTime? EditCutoffUtc { get; set; }

    /// <summary>How long a waitlisted person has to take up an offered place before it passes to the next.</summary>
    public int WaitlistOfferHours { get; set; } = 48;

    /// <summary>Entrance instructions (which door, what to bring): shown only to approved attendees, with the exact venue.</summary>
    public string? EntranceInstructions { get; set; }

    /// <summary>The fields the venue's security needs on the access list (see <c>AccessListField</c>); empty: name and organisation.</summary>
    public List<string> AccessListFields { get; set; } = [];

    /// <summary>Days after the event ends when security fields are erased; null: the configured default (30).</summary>
    public int? SecurityDataRetentionDays { get; set; }

    /// <summary>Months after the event ends when attendees' personal data is anonymised; null: the configured default (12).</summary>
    public int? PersonalDataRetentionMonths { get; set; }

    /// <summary>Whether name cards and table tents show the organisation under the name (the organiser decides what the room may see).</summary>
    public bool NameCardsShowOrganisation { get; set; }

    /// <summary>Whether the door also checks attendees into agenda items separately (who was in which session).</summary>
    public bool CheckInPerAgendaItem { get; set; }

    public DateTime? SecurityDataErasedAtUtc { get; set; }
    public DateTime? PersonalDataAnonymisedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>App-managed optimistic concurrency token: two organisers editing at once cannot overwrite each other.</summary>
    [ConcurrencyCheck]
    public Guid ConcurrencyStamp { get; set; }
}
