using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

public sealed record ParticipantRow(Guid RegistrationId, string Name, string? Organisation, string? Position, string Email, RegistrationStatus Status, bool ListMeConsent);

/// <summary>
/// Everyone registered for the event, with their status and whether they agreed to be listed, for the team except door
/// staff. The list is itself confidential under the Chatham House Rule: it is never shown publicly.
/// </summary>
public sealed class ListParticipants(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<ParticipantRow>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewParticipants))
        {
            return Outcome<IReadOnlyList<ParticipantRow>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.AnonymisedAtUtc == null)
            .OrderBy(r => r.Status == RegistrationStatus.Approved ? 0 : 1).ThenBy(r => r.Name)
            .Select(r => new ParticipantRow(r.Id, r.Name, r.OrganisationName, r.Position, r.Email, r.Status, r.ListMeConsent))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<ParticipantRow>>.Success(rows);
    }
}
