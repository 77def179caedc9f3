using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Staff;

/// <summary>One organisation role a staff member holds, for the Staff page.</summary>
public sealed record OrganisationRoleRow(Guid OrganisationId, string Organisation, OrganisationRole Role);

public sealed record StaffRow(
    string Id, string? DisplayName, string? Email, string? Organisation, Guid? OrganisationId, bool IsAdministrator, bool EmailConfirmed, bool LockedOut, int EventRoles,
    IReadOnlyList<OrganisationRoleRow> OrganisationRoles)
{
    /// <summary>"KAS: creates events, keeps the directory" for the grid, one organisation after another.</summary>
    public string OrganisationRolesText => string.Join("; ", OrganisationRoles.GroupBy(r => r.Organisation)
        .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => OrganisationRoleNames.Describe(r.Role)))}"));
}

public static class OrganisationRoleNames
{
    public static string Describe(OrganisationRole role) => role switch
    {
        OrganisationRole.CreatesEvents => "may create events",
        OrganisationRole.KeepsDirectory => "keeps the expert directory",
        OrganisationRole.ManagesOrganisation => "may grant these roles",
        _ => role.ToString(),
    };
}

/// <summary>
/// The staff accounts someone may see on the Staff page: administrators every account; an organisation's managers the
/// staff of the organisations they manage (employed there, or holding a role there).
/// </summary>
public sealed class ListStaff(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffRow>> ExecuteAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!actor.IsInRole(Roles.Administrator))
        {
            var managed = await ManagedOrganisationsAsync(db, actor, ct);
            users = users.Where(u => (u.OrganisationId != null && managed.Contains(u.OrganisationId.Value))
                                     || db.OrganisationRoleGrants.Any(g => g.UserId == u.Id && managed.Contains(g.OrganisationId)));
        }

        var rows = await users
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, Organisation = u.Organisation!.Name, u.OrganisationId, u.EmailConfirmed, u.LockoutEnd,
                IsAdministrator = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId),
                EventRoles = db.EventTeamMembers.Count(t => t.UserId == u.Id),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var grants = (await db.OrganisationRoleGrants.AsNoTracking().Where(g => ids.Contains(g.UserId))
                .Select(g => new { g.UserId, g.OrganisationId, Organisation = g.Organisation!.Name, g.Role })
                .ToListAsync(ct))
            .OrderBy(g => g.Organisation).ThenBy(g => g.Role)
            .ToLookup(g => g.UserId, g => new OrganisationRoleRow(g.OrganisationId, g.Organisation, g.Role));
        return rows.Select(r => new StaffRow(r.Id, r.DisplayName, r.Email, r.Organisation, r.OrganisationId, r.IsAdministrator, r.EmailConfirmed,
            r.LockoutEnd > now, r.EventRoles, [.. grants[r.Id]])).ToList();
    }

    /// <summary>The organisations whose roles the user may grant (administrators: every organisation).</summary>
    public async Task<IReadOnlyList<Organisation>> GrantableOrganisationsAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisations = db.Organisations.AsNoTracking();
        if (!actor.IsInRole(Roles.Administrator))
        {
            var managed = await ManagedOrganisationsAsync(db, actor, ct);
            organisations = organisations.Where(o => managed.Contains(o.Id));
        }

        return await organisations.OrderBy(o => o.Name).ToListAsync(ct);
    }

    private static async Task<List<Guid>> ManagedOrganisationsAsync(EventHubDbContext db, ClaimsPrincipal actor, CancellationToken ct)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.OrganisationRoleGrants.Where(g => g.UserId == userId && g.Role == OrganisationRole.ManagesOrganisation)
            .Select(g => g.OrganisationId).ToListAsync(ct);
    }
}
