namespace EventHub.Core.Data;

/// <summary>Which rule covers what is said during an agenda item.</summary>
public enum ConfidentialityLevel
{
    /// <summary>Speakers may be named and quoted.</summary>
    OnTheRecord = 0,

    /// <summary>What is said may be used; neither the identity nor the affiliation of anyone may be revealed.</summary>
    ChathamHouse = 1,

    /// <summary>Nothing said may be used outside the room.</summary>
    OffTheRecord = 2,
}

public class AgendaItem
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public required string Title { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime? EndsAtUtc { get; set; }
    public ConfidentialityLevel Confidentiality { get; set; } = ConfidentialityLevel.ChathamHouse;
    public int SortOrder { get; set; }
}
