using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>How someone is connected to the event: every one of them is protected by the Rule unless on record.</summary>
public enum ParticipantRole
{
    Attendee = 0,
    Nominee = 1,
    Team = 2,
    Host = 3,
    Speaker = 4,
}
