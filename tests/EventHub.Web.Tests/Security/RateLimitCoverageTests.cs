using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Rate limits on everything a stranger can reach: every route open without a login carries a limit, or is listed here with
/// the reason it needs none; and every public form answers 429 once a client has posted too often.
/// </summary>
public sealed class RateLimitCoverageTests(ITestOutputHelper output)
{
    /// <summary>Open routes that need no limit, each with why. A new open route that is in neither place fails the test.</summary>
    private static readonly Dictionary<string, string> Unlimited = new(StringComparer.Ordinal)
    {
        ["/"] = "the home page: static text, or a redirect to the login",
        ["/Error"] = "the error page, shown after another request failed",
        ["/not-found"] = "the not-found page",
        ["POST /Account/Language"] = "the language menu: sets the culture cookie (and a signed-in user's language); antiforgery-protected, no lookup of anyone else",
        ["/health"] = "the readiness and liveness probe, polled by the proxy and Kubernetes",
        ["/Account/AccessDenied"] = "a static message",
        ["/Account/Lockout"] = "a static message",
        ["/Account/InvalidUser"] = "a static message",
        ["/Account/InvalidPasswordReset"] = "a static message",
        ["/Account/ForgotPasswordConfirmation"] = "a static message",
        ["/Account/ResetPasswordConfirmation"] = "a static message",
        ["/Account/ExternalLogin"] = "no external login providers are configured; the page only redirects",
        ["POST /Account/PerformExternalLogin"] = "antiforgery-protected redirect to a provider; none is configured",
        ["POST /Account/PasskeyRequestOptions"] = "antiforgery-protected; returns a fresh challenge and reveals nothing",
        ["POST /Account/Logout"] = "antiforgery-protected; ends the caller's own session",
        ["POST /Account/PasskeyCreationOptions"] = "antiforgery-protected; answers 404 unless the caller is signed in",
        ["GET /door-api/session"] = "the offline door's API: answers only to a door session's 32-byte bearer token (looked up by its hash); a venue's door devices share one address and refresh every few seconds",
        ["GET /door-api/list"] = "the offline door's API: answers only to a door session's 32-byte bearer token (looked up by its hash); a venue's door devices share one address and refresh every few seconds",
        ["POST /door-api/check-ins"] = "the offline door's API: answers only to a door session's 32-byte bearer token (looked up by its hash); a venue's door devices share one address and refresh every few seconds",
        ["POST /door-api/end"] = "the offline door's API: answers only to a door session's 32-byte bearer token (looked up by its hash); a venue's door devices share one address and refresh every few seconds",
    };

    [Fact]
    public async Task Every_route_open_without_a_login_is_rate_limited_or_listed_with_a_reason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        _ = app.CreateClient();

        var open = new SortedSet<string>(StringComparer.Ordinal);
        var unlimited = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (RouteTableAuthorizationTests.IsInfrastructure(endpoint, pattern))
            {
                continue;
            }

            var needsLogin = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            if (needsLogin)
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
            var route = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || methods is null or { Count: 0 }
                ? pattern
                : $"{string.Join(",", methods)} {pattern}";
            open.Add(route);
            var limited = endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                && endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null;
            if (!limited && !Unlimited.ContainsKey(route))
            {
                unlimited.Add(route);
            }
        }

        output.WriteLine("Open without a login:\n" + string.Join("\n", open));
        Assert.True(unlimited.Count == 0, "Open routes without a rate limit and without a reason in RateLimitCoverageTests.Unlimited: " + string.Join(", ", unlimited));
        var stale = Unlimited.Keys.Where(k => !open.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Listed as open but the app has no such open route: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Every route with a token in its address is marked as a personal link, so it carries the personal-link rate limit and
    /// the no-referrer, no-store headers (both read from that mark, not from a list of paths).
    /// </summary>
    [Fact]
    public async Task Every_route_with_a_token_in_its_address_is_a_rate_limited_personal_link()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        _ = app.CreateClient();

        var tokenRoutes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => string.Equals(p.Name, "token", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        output.WriteLine("Personal links:\n" + string.Join("\n", tokenRoutes.Select(e => e.RoutePattern.RawText)));

        Assert.Equal(6, tokenRoutes.Count);
        foreach (var endpoint in tokenRoutes)
        {
            Assert.True(endpoint.Metadata.GetMetadata<EventHub.Web.Hosting.PersonalLinkAttribute>() is not null, $"{endpoint.RoutePattern.RawText} is not marked [PersonalLink]");
            Assert.Equal(EventHub.Web.Hosting.RateLimitOptions.PersonalLinkPolicy, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }
    }

    /// <summary>
    /// The public forms share one budget per client address: posts with a valid form (its antiforgery token and handler, as a
    /// browser sends them) beyond the limit are refused with 429, and the page itself still opens. The two-factor, recovery-code
    /// and reset forms open only inside a login or from an emailed link; they carry the same policy (checked above by the route
    /// table and here by name).
    /// </summary>
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendEmailConfirmation")]
    public async Task Posting_a_public_form_too_often_answers_429_and_the_page_still_opens(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var page = await client.GetStringAsync(path);
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = StaffLogin.AntiforgeryToken(page),
                ["Input.Email"] = $"someone{i}@example.org",
                ["Input.Password"] = "a wrong password, long enough",
                ["Input.ConfirmPassword"] = "a wrong password, long enough",
            };
            if (System.Text.RegularExpressions.Regex.Match(page, "name=\"_handler\"[^>]*value=\"([^\"]+)\"") is { Success: true } handler)
            {
                fields["_handler"] = handler.Groups[1].Value;
            }

            statuses.Add((await client.PostAsync(path, new FormUrlEncodedContent(fields))).StatusCode);
        }

        output.WriteLine($"{path}: {string.Join(", ", statuses)}");
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.DoesNotContain(HttpStatusCode.BadRequest, statuses.Take(3)); // the posts were valid forms, so the limit is what refuses
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(3));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    /// <summary>Links that carry a code in the address (email confirmation, email change) count against the personal-link budget.</summary>
    [Theory]
    [InlineData("/Account/ConfirmEmail?userId={0}&code=Zm9yZ2Vk")]
    [InlineData("/Account/ConfirmEmailChange?userId={0}&email=new%40example.org&code=Zm9yZ2Vk")]
    public async Task Guessing_an_emailed_code_is_refused_with_429_after_the_limit(string link)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:PersonalLinkPerMinute"] = "3" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, link, Guid.NewGuid()))).StatusCode);
        }

        output.WriteLine($"{link}: {string.Join(", ", statuses)}");
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(3));
    }

    [Theory]
    [InlineData(typeof(EventHub.Web.Components.Account.Pages.LoginWith2fa))]
    [InlineData(typeof(EventHub.Web.Components.Account.Pages.LoginWithRecoveryCode))]
    [InlineData(typeof(EventHub.Web.Components.Account.Pages.ResetPassword))]
    public void The_forms_reached_only_inside_a_login_or_from_a_link_share_the_login_budget(Type page)
    {
        var limit = page.GetCustomAttributes(typeof(EnableRateLimitingAttribute), inherit: true).Cast<EnableRateLimitingAttribute>().SingleOrDefault();
        Assert.Equal(EventHub.Web.Hosting.RateLimitOptions.LoginPolicy, limit?.PolicyName);
    }
}
