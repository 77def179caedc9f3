using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>A person connected to the event, with what could identify them.</summary>
/// <param name="Name">As written in the list; a title, a country code in brackets and a position after a comma are split off
/// ("MEP Michael Gahler (DE), EPP Group Coordinator for Foreign Affairs").</param>
/// <param name="Position">Their position or title as held (e.g. "Ambassador", "MEP", "Head of Division"), if known.</param>
/// <param name="Country">Their country (a name, demonym or ISO 3166 code), from the directory contact or the registration; never the security data's nationality.</param>
/// <param name="Sector">Their own sector when their organisation has none.</param>
public sealed record AttributionParticipant(string Name, string? OrganisationName, string? Position, ParticipantRole Role, string? Country = null, Sector? Sector = null);
