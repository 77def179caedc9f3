namespace EventHub.Core.Data;

/// <summary>One sending of the report's summary to an audience.</summary>
public class ReportCirculation
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int VersionNumber { get; set; }
    public List<CirculationAudience> Audiences { get; set; } = [];

    /// <summary>The agenda items whose attendees were addressed (<see cref="CirculationAudience.SessionAttendees"/>); empty otherwise.</summary>
    public List<Guid> AgendaItemIds { get; set; } = [];
    public DateTime AtUtc { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }
    public List<CirculationRecipient> Recipients { get; set; } = [];
}
