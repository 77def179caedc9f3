namespace EventHub.Core.Data;

/// <summary>
/// The fixed palette a tag's colour comes from: each colour is shown with its name as text, so a tag never reads by
/// colour alone, and each badge's text has at least 4.5:1 contrast against its background (WCAG AA).
/// </summary>
public enum TagColour
{
    Grey = 0,
    Blue = 1,
    Green = 2,
    Orange = 3,
    Red = 4,
    Purple = 5,
    Teal = 6,
    Brown = 7,
}

/// <summary>An organiser's label for registrations of one event (e.g. "Speaker", "Press", "Needs a call").</summary>
public class RegistrationTag
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public required string Name { get; set; }
    public TagColour Colour { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One tag on one registration.</summary>
public class RegistrationTagAssignment
{
    public Guid RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public Guid TagId { get; set; }
    public RegistrationTag? Tag { get; set; }
    public DateTime TaggedAtUtc { get; set; }
}
