using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

public static class Roles
{
    /// <summary>The only installation-wide role: runs organisations, users, the outbox and the job dashboard.</summary>
    public const string Administrator = "Administrator";
}
