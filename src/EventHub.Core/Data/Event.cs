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

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>App-managed optimistic concurrency token: two organisers editing at once cannot overwrite each other.</summary>
    [ConcurrencyCheck]
    public Guid ConcurrencyStamp { get; set; }
}
