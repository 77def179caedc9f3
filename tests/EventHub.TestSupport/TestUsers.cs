using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;

namespace EventHub.TestSupport;

/// <summary>Staff rows and the claims principals the use cases receive, for data tests that run without the web host.</summary>
public static class TestUsers
{
    public static async Task<(ApplicationUser User, ClaimsPrincipal Principal)> CreateStaffAsync(EventHubDbContext db, string email, Guid? organisationId, bool administrator = false)
    {
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            OrganisationId = organisationId,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (user, Principal(user, administrator));
    }

    /// <summary>A staff member of the organisation who may create its events and keeps its directory, as its organisers do.</summary>
    public static async Task<(ApplicationUser User, ClaimsPrincipal Principal)> CreateOrganiserAsync(EventHubDbContext db, string email, Guid organisationId)
    {
        var staff = await CreateStaffAsync(db, email, organisationId);
        await GrantAsync(db, staff.User, organisationId);
        return staff;
    }

    /// <summary>Gives the user organisation roles (by default what an organiser of the organisation holds: create events, keep the directory).</summary>
    public static async Task GrantAsync(EventHubDbContext db, ApplicationUser user, Guid organisationId, params OrganisationRole[] roles)
    {
        foreach (var role in roles.Length > 0 ? roles : [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory])
        {
            db.OrganisationRoleGrants.Add(new OrganisationRoleGrant { OrganisationId = organisationId, UserId = user.Id, Role = role, GrantedAtUtc = DateTime.UnixEpoch });
        }

        await db.SaveChangesAsync();
    }

    public static ClaimsPrincipal Principal(ApplicationUser user, bool administrator = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.Email!) };
        if (administrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, Roles.Administrator));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public static async Task<Organisation> CreateOrganisationAsync(EventHubDbContext db, string name, string? acronym = null)
    {
        var organisation = new Organisation { Id = Guid.NewGuid(), Name = name, Acronym = acronym };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }
}
