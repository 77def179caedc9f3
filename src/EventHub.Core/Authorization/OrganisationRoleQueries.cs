using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>Where a user holds an organisation role: what the event form and the directory both ask.</summary>
public static class OrganisationRoleQueries
{
    /// <summary>The organisations in which the user holds <paramref name="role"/>, their own organisation first.</summary>
    public static async Task<IReadOnlyList<Guid>> OrganisationsWhereHeldAsync(this EventHubDbContext db, string userId, OrganisationRole role, CancellationToken ct = default)
    {
        var own = await db.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct);
        var held = await db.OrganisationRoleGrants.Where(g => g.UserId == userId && g.Role == role)
            .Select(g => g.OrganisationId).ToListAsync(ct);
        return [.. held.OrderBy(id => id == own ? 0 : 1)];
    }
}
