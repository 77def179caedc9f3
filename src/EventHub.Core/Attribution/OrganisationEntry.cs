using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

internal sealed record OrganisationEntry(string[] Words, IndexedOrganisation Organisation);
