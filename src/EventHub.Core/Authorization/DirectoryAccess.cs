using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>
/// An expert directory belongs to an organisation (<see cref="Contact.DirectoryOrganisationId"/>): its events invite from
/// it. Who reads and keeps it: holders of <see cref="OrganisationRole.KeepsDirectory"/> in that organisation, and
/// administrators. Contacts are personal data of diplomats and officials: no one else reads them. (An event's organisers
/// pick invitees from the owning organisation's directory on the event's Invite page: that is the event's
/// <see cref="EventPermission.Invite"/>, not this.)
/// </summary>
public sealed class DirectoryAccess(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public Task<bool> CanManageAsync(ClaimsPrincipal user, Guid directoryOrganisationId, CancellationToken ct = default)
        => authorization.HoldsAsync(user, directoryOrganisationId, OrganisationRole.KeepsDirectory);

    /// <summary>The directories the user keeps, their own organisation's first (administrators: see <see cref="OwnDirectoryAsync"/>).</summary>
    public async Task<IReadOnlyList<Guid>> KeptDirectoriesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrganisationsWhereHeldAsync(userId, OrganisationRole.KeepsDirectory, ct);
    }

    /// <summary>The directory a staff member works in by default: the first they keep, their own organisation's if they keep it.</summary>
    public async Task<Guid?> OwnDirectoryAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var kept = await KeptDirectoriesAsync(user, ct);
        return kept.Count > 0 ? kept[0] : null;
    }
}
