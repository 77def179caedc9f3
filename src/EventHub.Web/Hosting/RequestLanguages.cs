using System.Globalization;
using EventHub.Core.Localization;
using Microsoft.AspNetCore.Localization;

namespace EventHub.Web.Hosting;

/// <summary>
/// ASP.NET Core request localization: a page reached by a personal link speaks its person's language; otherwise a staff
/// member's choice (the culture cookie, written when they choose in the account menu), otherwise the browser's
/// Accept-Language; English when none of these is English, French or German.
/// </summary>
public static class RequestLanguages
{
    public static IServiceCollection AddEventHubRequestLanguages(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Specific cultures give dates their local shape; neutral ones catch "de" and, through their parent, "de-AT".
            var cultures = Languages.Supported.Select(Languages.Culture)
                .Concat(Languages.Supported.Select(CultureInfo.GetCultureInfo)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Culture(Languages.Default));
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new PersonalLinkCultureProvider(),
                new CookieRequestCultureProvider(),
                new StaffAccountCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>After routing (the personal-link provider reads the endpoint), before the pages.</summary>
    public static IApplicationBuilder UseEventHubRequestLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The culture cookie for a language ("c=fr-FR|uic=fr-FR"), kept for a year.</summary>
    public static void RememberInCookie(HttpResponse response, string language)
    {
        var culture = Languages.Culture(language).Name;
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps });
    }

    /// <summary>
    /// A signed-in staff member on a browser without the culture cookie (a new device): the language remembered on their
    /// account, written into the cookie so the next request needs no lookup.
    /// </summary>
    private sealed class StaffAccountCultureProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is not { } userId
                || await httpContext.RequestServices.GetRequiredService<EventHub.Core.Features.Staff.SetStaffLanguage>().FindAsync(userId, httpContext.RequestAborted) is not { } language
                || !Languages.IsSupported(language))
            {
                return NullProviderCultureResult.Result;
            }

            RememberInCookie(httpContext.Response, language);
            var culture = Languages.Culture(language).Name;
            return new ProviderCultureResult(culture, culture);
        }
    }

    private sealed class PersonalLinkCultureProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.GetEndpoint()?.Metadata.GetMetadata<PersonalLinkAttribute>()?.Kind is not { } kind
                || (httpContext.GetRouteValue("Token") ?? httpContext.GetRouteValue("token")) is not string token)
            {
                return NullProviderCultureResult.Result;
            }

            var language = await httpContext.RequestServices.GetRequiredService<PersonalLanguage>().FindAsync(kind, token, httpContext.RequestAborted);
            if (language is null)
            {
                return NullProviderCultureResult.Result;
            }

            var culture = Languages.Culture(language).Name;
            return new ProviderCultureResult(culture, culture);
        }
    }
}
