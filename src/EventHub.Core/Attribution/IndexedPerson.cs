using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

internal sealed class IndexedPerson
{
    public required AttributionParticipant Participant { get; init; }

    /// <summary>The folded initials of the given names: "M. Gahler" is Michael Gahler.</summary>
    public required HashSet<char> Initials { get; init; }

    /// <summary>The surname's main word, folded: decides whether a lone mention could be an ordinary word.</summary>
    public required string SurnameWord { get; init; }

    public IndexedOrganisation? Organisation { get; set; }

    /// <summary>Folded words of the position and of the organisation's names: what a description like "the MEP's adviser" is matched against.</summary>
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

    public OnRecordPermission? Permission { get; set; }

    /// <summary>ISO codes of the person's country, their government organisation's country and a country code written beside their name.</summary>
    public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);

    /// <summary>The sectors and kinds of work a description can narrow them by.</summary>
    public Roles Roles { get; set; }

    /// <summary>+1 senior, -1 junior, 0 neither or unknown.</summary>
    public int Seniority { get; set; }

    /// <summary>The position, with titles split off the name added ("MEP Michael Gahler" holds "MEP").</summary>
    public string? Position { get; set; }

    public string[] PermittedSections { get; set; } = [];

    /// <summary>What this person agreed to where the mention is (null: nothing, they are protected there).</summary>
    public ConsentScope? ScopeIn(Section section)
    {
        if (Permission is null)
        {
            return null;
        }

        if (PermittedSections.Length == 0)
        {
            return Permission.Scope;
        }

        foreach (var title in section.Titles)
        {
            if (Array.IndexOf(PermittedSections, title) >= 0)
            {
                return Permission.Scope;
            }
        }

        return null;
    }

    public bool MayBeNamedWithAffiliation(Section section) => ScopeIn(section) == ConsentScope.NameAndAffiliation;
}
