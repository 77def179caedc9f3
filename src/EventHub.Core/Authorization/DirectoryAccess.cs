using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>
/// Who may keep an organisation's expert directory: its own staff, and administrators. Contacts are personal data of
/// diplomats and officials: no one else reads them.
/// </summary>
public sealed class DirectoryAccess(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Guid directoryOrganisationId, CancellationToken ct = default)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }

        return await OwnDirectoryAsync(user, ct) == directoryOrganisationId;
    }

    /// <summary>The directory a staff member works in by default: their organisation's.</summary>
    public async Task<Guid?> OwnDirectoryAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct);
    }
}
