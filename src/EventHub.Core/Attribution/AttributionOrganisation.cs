using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>An organisation connected to the event, with every name it goes by.</summary>
/// <param name="Sector">When known, the neutral wording names the sector instead ("a participant from a think tank").</param>
public sealed record AttributionOrganisation(string Name, string? Acronym, IReadOnlyList<string> Aliases, Sector? Sector = null);
