using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace EventHub.Web.Components.Shared;

public static class CurrentUser
{
    public static async Task<ClaimsPrincipal> GetAsync(Task<AuthenticationState>? state)
        => state is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await state).User;
}
