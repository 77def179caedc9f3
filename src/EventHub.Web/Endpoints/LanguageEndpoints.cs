using System.Security.Claims;
using EventHub.Core.Features.Staff;
using EventHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace EventHub.Web.Endpoints;

public static class LanguageEndpoints
{
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Language", ChooseAsync);
        return app;
    }

    /// <summary>The language menu: remembered on the account (signed in) and in the culture cookie; back to the page it was chosen on.</summary>
    private static async Task<IResult> ChooseAsync([FromForm] string? language, [FromForm] string? returnUrl, ClaimsPrincipal user, SetStaffLanguage set, HttpContext http, CancellationToken ct)
    {
        var outcome = await set.ExecuteAsync(user, language, ct);
        if (!outcome.Succeeded)
        {
            return Results.BadRequest(string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        }

        RequestLanguages.RememberInCookie(http.Response, language!);
        // Only a path of this site: never an open redirect.
        var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.LocalRedirect(back);
    }
}
