using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace EventHub.TestSupport;

/// <summary>Who the provider's next login is: what its id_token will say.</summary>
public sealed record OpenIdTestUser(string Subject, string Email, bool EmailVerified, string Name, params string[] AuthenticationMethods);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port for the single sign-on tests: the authorization code
/// flow with PKCE for one client, id_tokens signed with an ephemeral key, carrying sub, email, email_verified, name and
/// amr. Its login page is not a page: the authorization endpoint signs in <see cref="NextUser"/> and approves at once.
/// Degraded mode (no application store): the client id, its secret and the redirect address are checked by the handlers
/// below. <see cref="IssueForAnotherAudience"/> makes it a misconfigured provider whose id_tokens name another client.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication app;

    private OpenIdProvider(WebApplication app, int port)
    {
        this.app = app;
        Issuer = $"http://127.0.0.1:{port}/";
    }

    public string Issuer { get; }
    public string ClientId { get; } = "eventhub";
    public string ClientSecret { get; } = "eventhub-test-secret-" + Guid.NewGuid().ToString("N");

    /// <summary>The one redirect address the client may use (the app's callback).</summary>
    public string? RedirectUri { get; set; }

    public OpenIdTestUser? NextUser { get; set; }
    public bool IssueForAnotherAudience { get; set; }

    /// <summary>The authorization requests that reached the provider, with the PKCE method they used.</summary>
    public List<string> CodeChallengeMethods { get; } = [];

    public static async Task<OpenIdProvider> StartAsync()
    {
        var port = SmtpSink.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        OpenIdProvider? self = null;
        OpenIdProvider Self() => self ?? throw new InvalidOperationException("The provider is not started yet.");

        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri($"http://127.0.0.1:{port}/"));
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var provider = Self();
                if (context.ClientId != provider.ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != provider.RedirectUri)
                {
                    context.Reject(Errors.InvalidRequest, "That redirect_uri is not registered.");
                }
                else
                {
                    provider.CodeChallengeMethods.Add(context.Request.CodeChallengeMethod ?? "");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                var provider = Self();
                if (context.ClientId != provider.ClientId || context.ClientSecret != provider.ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }

                return default;
            }));
            // A misconfigured provider: after OpenIddict has addressed the id_token to the client, readdress it.
            options.AddEventHandler<ProcessSignInContext>(b => b.UseInlineHandler(context =>
            {
                if (Self().IssueForAnotherAudience && context.IdentityTokenPrincipal is { } principal)
                {
                    principal.SetAudiences("another-application");
                }

                return default;
            }).SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
        });

        var app = builder.Build();
        app.MapGet("/connect/authorize", (HttpContext context) =>
        {
            var user = Self().NextUser ?? throw new InvalidOperationException("Set OpenIdProvider.NextUser before signing in.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, user.Subject));
            identity.AddClaim(new Claim(Claims.Email, user.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            identity.AddClaim(new Claim(Claims.Name, user.Name));
            foreach (var method in user.AuthenticationMethods)
            {
                identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, method));
            }

            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(context.GetOpenIddictServerRequest()!.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken]);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        self = new OpenIdProvider(app, port);
        await app.StartAsync();
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
