using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>The organisation an <see cref="OrganisationRoleRequirement"/> is decided for.</summary>
public sealed record OrganisationResource(Guid OrganisationId);
