using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using EventHub.Core.Data;

namespace EventHub.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(LocalOrHome(uri));
    }

    /// <summary>
    /// EventHub: prevent open redirects without throwing. The template passed every non-relative address to
    /// ToBaseRelativePath, which throws for another origin (a 500 for ReturnUrl=https://evil.example/). A local path stays;
    /// an absolute address inside this app becomes its path; anything else (another host, //host, /\host, javascript:)
    /// goes to the home page.
    /// </summary>
    internal string LocalOrHome(string? uri)
    {
        uri = uri?.Trim() ?? "";
        if (uri.Length == 0)
        {
            return "";
        }

        if (uri.Contains('\\') || uri.Any(char.IsControl))
        {
            return "";
        }

        if (Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.StartsWith("//", StringComparison.Ordinal) && !HasScheme(uri))
        {
            return uri;
        }

        return Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            && absolute.AbsoluteUri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
            ? navigationManager.ToBaseRelativePath(absolute.AbsoluteUri)
            : "";
    }

    private static bool HasScheme(string uri)
    {
        var colon = uri.IndexOf(':');
        var end = uri.IndexOfAny(['/', '?', '#']);
        return colon >= 0 && (end < 0 || colon < end);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
