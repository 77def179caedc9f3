using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

public static class AuthorizationServiceExtensions
{
    /// <summary>Whether the user holds <paramref name="role"/> in the organisation (administrators hold every role).</summary>
    public static async Task<bool> HoldsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Guid organisationId, OrganisationRole role)
        => (await authorization.AuthorizeAsync(user, new OrganisationResource(organisationId), new OrganisationRoleRequirement(role))).Succeeded;

    public static async Task<bool> CanAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Guid eventId, EventPermission permission)
        => (await authorization.AuthorizeAsync(user, new EventResource(eventId), new EventPermissionRequirement(permission))).Succeeded;
}
