using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

internal sealed class IndexedOrganisation
{
    public required AttributionOrganisation Organisation { get; init; }

    public List<IndexedPerson> Members { get; } = [];

    /// <summary>The folded words of all its names, shared by its members' terms.</summary>
    public HashSet<string>? Terms { get; set; }

    /// <summary>An organiser's or host's organisation is named on the invitation itself: a bare mention reveals nobody.</summary>
    public bool Organising => Members.Any(m => m.Participant.Role is ParticipantRole.Team or ParticipantRole.Host);

    /// <summary>The roles its names suggest, computed once for all its members.</summary>
    public Roles? NameRoles { get; set; }

    /// <summary>The concept sets of its names and aliases, for paraphrases ("Dutch foreign ministry").</summary>
    public List<List<string>> Concepts { get; } = [];
}
