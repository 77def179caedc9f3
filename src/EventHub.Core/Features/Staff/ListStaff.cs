using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Staff;

public sealed record StaffRow(string Id, string? DisplayName, string? Email, string? Organisation, bool IsAdministrator, bool EmailConfirmed, bool LockedOut, int EventRoles);

public sealed class ListStaff(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, Organisation = u.Organisation!.Name, u.EmailConfirmed, u.LockoutEnd,
                IsAdministrator = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId),
                EventRoles = db.EventTeamMembers.Count(t => t.UserId == u.Id),
            })
            .ToListAsync(ct);
        return rows.Select(r => new StaffRow(r.Id, r.DisplayName, r.Email, r.Organisation, r.IsAdministrator, r.EmailConfirmed, r.LockoutEnd > now, r.EventRoles)).ToList();
    }
}
