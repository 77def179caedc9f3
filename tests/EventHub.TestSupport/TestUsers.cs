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
