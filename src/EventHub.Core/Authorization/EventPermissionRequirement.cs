using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

public sealed record EventPermissionRequirement(EventPermission Permission) : IAuthorizationRequirement;
