using System.Security.Cryptography;

namespace EventHub.Web.Hosting;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that Blazor Server works with, no framing, no sniffing,
/// a referrer that leaves the site without its path, and the browser features the app may use (the camera, for the door).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "EventHub.CspNonce";

    /// <summary>The per-request nonce for the one inline script the app renders: Blazor's import map (App.razor).</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        // Hex: nothing in it needs escaping in an HTML attribute or a header.
        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>
    /// script-src: only the app's own files plus the nonce-carrying import map; no 'unsafe-inline', no 'unsafe-eval' (Blazor
    /// Server needs neither; only WebAssembly would need 'wasm-unsafe-eval').
    /// style-src: the app's own style sheets; style *attributes* are allowed (style-src-attr) because Blazor's reconnect
    /// dialog, QuickGrid and a few layout widths set them, and a style attribute cannot run script. Inline &lt;style&gt;
    /// elements stay refused.
    /// connect-src 'self' covers the circuit's WebSocket to the same origin (CSP Level 3 treats ws/wss of the same host as 'self').
    /// img-src data: for QR codes rendered as data URIs.
    /// form-action: the login page's "Sign in with …" form is answered with a redirect to the single sign-on provider,
    /// which form-action also governs: the provider's origin is added there (<paramref name="formTarget"/>).
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, string? formTarget = null) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "media-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        $"form-action 'self'{(formTarget is null ? "" : " " + formTarget)}; " +
        "frame-ancestors 'none'";

    /// <summary>The Hangfire dashboard (administrators only) ships inline scripts and styles of its own.</summary>
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The single sign-on provider's origin on the account pages, when single sign-on is on.</summary>
    private static string? SingleSignOnFormTarget(HttpContext context)
    {
        var sso = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Authorization.SingleSignOnOptions>>().Value;
        return sso.Enabled && context.Request.Path.StartsWithSegments("/Account") && Uri.TryCreate(sso.Authority, UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null;
    }

    public static IApplicationBuilder UseEventHubSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Decided now, on the path as requested: by the time the response starts the dashboard has moved "/jobs" into
        // PathBase, and a check made then gave the dashboard the app's strict policy (which refuses its inline scripts).
        var dashboard = context.Request.Path.StartsWithSegments("/jobs");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = dashboard
                ? DashboardPolicy
                : ContentSecurityPolicy(context.CspNonce(), SingleSignOnFormTarget(context));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Personal-link pages set no-referrer themselves; keep the stricter one.
            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }

            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
