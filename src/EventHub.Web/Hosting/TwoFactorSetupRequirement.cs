using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Hosting;

/// <summary>
/// With <see cref="SecurityOptions.RequireTwoFactorForStaff"/>, an administrator or organiser without two-factor
/// authentication reaches nothing that needs their login until they set it up: every page, every endpoint that asks for
/// authorization and the Blazor circuit lead to the authenticator setup. A single sign-on whose provider says it used more
/// than a password satisfies it. Deny by default — only the account pages (login,
/// logout, the setup itself) and what an anonymous visitor may see stay open — so another URL is no way around it.
/// </summary>
public static class TwoFactorSetupRequirement
{
    public const string SetupPath = "/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseTwoFactorSetupRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireTwoFactorForStaff
            && NeedsLogin(context)
            && await MustSetUpTwoFactorAsync(context))
        {
            if (context.Request.Path.StartsWithSegments("/_blazor") || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect(SetupPath);
            return;
        }

        await next();
    });

    /// <summary>Whether the request would use the login: a page, an endpoint with authorization, the circuit, the dashboard.</summary>
    private static bool NeedsLogin(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/Account"))
        {
            return false;
        }

        if (path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/jobs"))
        {
            return true;
        }

        var endpoint = context.GetEndpoint();
        return endpoint is null
            ? false
            : endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null;
    }

    private static async Task<bool> MustSetUpTwoFactorAsync(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }

        var db = context.RequestServices.GetRequiredService<EventHubDbContext>();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.TwoFactorEnabled,
                Organiser = db.EventTeamMembers.Any(t => t.UserId == userId && t.Role == EventRole.Organiser),
            })
            .SingleOrDefaultAsync(context.RequestAborted);
        // A single sign-on whose provider reported more than a password (amr) counts as two-factor (SingleSignOn).
        if (user is null || user.TwoFactorEnabled || context.User.HasClaim(SingleSignOn.MultiFactorClaimType, SingleSignOn.MultiFactorClaimValue))
        {
            return false;
        }

        return user.Organiser || context.User.IsInRole(Roles.Administrator);
    }
}
