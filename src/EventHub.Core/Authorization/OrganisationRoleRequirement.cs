using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>
/// "May this user act in this organisation with this role?" With an <see cref="OrganisationResource"/> it asks about that
/// organisation; without one (a page's policy) it asks whether the user holds the role in any organisation.
/// </summary>
public sealed record OrganisationRoleRequirement(OrganisationRole Role) : IAuthorizationRequirement;
