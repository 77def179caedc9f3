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

/// <summary>A person connected to the event, with what could identify them.</summary>
/// <param name="Name">As written in the list; a title, a country code in brackets and a position after a comma are split off
/// ("MEP Michael Gahler (DE), EPP Group Coordinator for Foreign Affairs").</param>
/// <param name="Position">Their position or title as held (e.g. "Ambassador", "MEP", "Head of Division"), if known.</param>
/// <param name="Country">Their country (a name, demonym or ISO 3166 code), from the directory contact or the registration; never the security data's nationality.</param>
/// <param name="Sector">Their own sector when their organisation has none.</param>
public sealed record AttributionParticipant(string Name, string? OrganisationName, string? Position, ParticipantRole Role, string? Country = null, Sector? Sector = null);

/// <summary>An organisation connected to the event, with every name it goes by.</summary>
/// <param name="Sector">When known, the neutral wording names the sector instead ("a participant from a think tank").</param>
public sealed record AttributionOrganisation(string Name, string? Acronym, IReadOnlyList<string> Aliases, Sector? Sector = null);

/// <summary>Someone who agreed to be named: with or without affiliation, for the listed agenda items (empty: the whole report).</summary>
public sealed record OnRecordPermission(string Name, ConsentScope Scope, IReadOnlyList<string> AgendaItemTitles);

/// <summary>Everything the check compares a draft against.</summary>
/// <param name="SmallGroupSize">k: a description that points to an organisation that sent k or fewer people identifies them.</param>
public sealed record AttributionContext(
    IReadOnlyList<AttributionParticipant> Participants,
    IReadOnlyList<AttributionOrganisation> Organisations,
    IReadOnlyList<OnRecordPermission> OnRecord,
    int SmallGroupSize = 2);

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

/// <summary>One finding: where (<see cref="Start"/>, <see cref="Length"/> in the draft), what it points to, why, and a neutral wording.</summary>
public sealed record AttributionFinding(
    FindingKind Kind,
    int Start,
    int Length,
    string Text,
    string PointsTo,
    string Why,
    string Suggestion,
    int? Fits = null,
    int? Population = null)
{
    /// <summary>"fits 1 of 39 people": how many of the event's people the text could point to.</summary>
    public string AnonymitySet => Fits is { } n ? (Population is { } m ? $"fits {n} of {m} {(m == 1 ? "person" : "people")}" : $"fits {n} {(n == 1 ? "person" : "people")}") : "";

    /// <summary>Stable across edits elsewhere in the draft: used to remember a dismissal.</summary>
    public string Key => $"{Kind}|{Text.Trim().ToLowerInvariant()}|{PointsTo}";
}
