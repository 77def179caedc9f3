namespace EventHub.Core.Data;

public enum CirculationAudience
{
    CheckedIn = 0,
    AllApproved = 1,
    Hosts = 2,
    Team = 3,

    /// <summary>The attendees checked in to chosen agenda items (sessions), where the event checks sessions in separately.</summary>
    SessionAttendees = 4,
}
