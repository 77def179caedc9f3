using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Door;

/// <summary>
/// The door's day and the offline door's rhythm. The door admits without a question inside the window: from the start of
/// the event's first day (in the event's time zone) minus <see cref="DaysBefore"/> to the end of its last day plus
/// <see cref="DaysAfter"/>. Outside it every admission asks for confirmation, and door sessions expire at its end.
/// </summary>
public sealed class DoorOptions
{
    public const string SectionName = "Door";

    [Range(0, 30, ErrorMessage = "Door:DaysBefore must be between 0 and 30.")]
    public int DaysBefore { get; init; }

    [Range(0, 30, ErrorMessage = "Door:DaysAfter must be between 0 and 30.")]
    public int DaysAfter { get; init; }

    /// <summary>How often the offline door fetches its list while online.</summary>
    [Range(2, 300, ErrorMessage = "Door:RefreshSeconds must be between 2 and 300.")]
    public int RefreshSeconds { get; init; } = 5;
}
