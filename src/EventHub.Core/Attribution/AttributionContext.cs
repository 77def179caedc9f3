using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>Everything the check compares a draft against.</summary>
/// <param name="SmallGroupSize">k: a description that points to an organisation that sent k or fewer people identifies them.</param>
public sealed record AttributionContext(
    IReadOnlyList<AttributionParticipant> Participants,
    IReadOnlyList<AttributionOrganisation> Organisations,
    IReadOnlyList<OnRecordPermission> OnRecord,
    int SmallGroupSize = 2);
