namespace EventHub.Core.Data;

public enum CheckInKind
{
    /// <summary>A pass scanned or typed at the door.</summary>
    Pass = 0,

    /// <summary>An approved attendee found by name at the door.</summary>
    NameSearch = 1,

    /// <summary>A person admitted by an organiser without a valid pass (walk-in or problem case), with a reason.</summary>
    Override = 2,
}
