using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

public enum FindingKind
{
    /// <summary>A full name, surname, initials with surname, or a title with a name.</summary>
    Name = 0,

    /// <summary>An organisation's name, acronym or alias.</summary>
    Organisation = 1,

    /// <summary>A position that identifies ("the Ambassador", "the MEP").</summary>
    Position = 2,

    /// <summary>A description that points to a group of k or fewer ("an official from X" when X sent two).</summary>
    SmallGroup = 3,
}
