using System.Security.Claims;
using EventHub.Core.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace EventHub.Web.Hosting;

/// <summary>
/// OpenID Connect sign-in for staff (see <see cref="SingleSignOnOptions"/>): the authorization code flow with PKCE; the
/// provider's answer lands in Identity's external cookie, and /Account/ExternalLogin links it to a staff account
/// (<see cref="Core.Features.Staff.LinkSingleSignOnAccount"/>) and signs in.
/// </summary>
public static class SingleSignOn
{
    /// <summary>The claim the session carries when the provider's <c>amr</c> said more than a password was used (Identity's own two-factor login sets the same).</summary>
    public const string MultiFactorClaimType = "amr";
    public const string MultiFactorClaimValue = "mfa";

    /// <summary>Registers the provider when <c>SingleSignOn:Enabled</c> (read while the builder composes the schemes).</summary>
    public static void AddEventHubSingleSignOn(this WebApplicationBuilder builder)
    {
        var sso = builder.Configuration.GetSection(SingleSignOnOptions.SectionName).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        builder.Services.AddSingleton<SingleSignOnErrors>();
        // Identity refreshes the session's principal when it checks the security stamp: keep the two-factor evidence.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.HasClaim(MultiFactorClaimType, MultiFactorClaimValue) == true
                && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(MultiFactorClaimType, MultiFactorClaimValue))
            {
                identity.AddClaim(new Claim(MultiFactorClaimType, MultiFactorClaimValue));
            }

            return Task.CompletedTask;
        });
        if (!sso.Enabled)
        {
            return;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(SingleSignOnOptions.Scheme, sso.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = sso.Authority;
            options.ClientId = sso.ClientId;
            options.ClientSecret = sso.ClientSecret;
            options.CallbackPath = sso.CallbackPath;
            options.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "email", "profile" })
            {
                options.Scope.Add(scope);
            }

            // The id_token's own claim names (email, email_verified, amr), not WS-Federation URIs; amr is only in the id_token.
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.TokenValidationParameters.NameClaimType = "name";
            // Identity keys the external login by NameIdentifier; without inbound mapping the subject is only in "sub".
            options.Events.OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } subject && !identity.HasClaim(c => c.Type == ClaimTypes.NameIdentifier))
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value));
                }

                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                var errors = context.HttpContext.RequestServices.GetRequiredService<SingleSignOnErrors>();
                context.Response.Redirect($"{context.Request.PathBase}/{errors.LoginPath(Describe(context.Failure, sso.DisplayName))}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>What went wrong, in words a staff member can pass on to whoever runs the provider.</summary>
    private static string Describe(Exception? failure, string provider)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SecurityTokenInvalidAudienceException || e.Message.Contains("IDX10214", StringComparison.Ordinal))
            {
                return $"Sign-in with {provider} was refused: the provider issued the sign-in for another application (the token's audience is not EventHub's client ID). Ask your administrator to check the client ID.";
            }

            if (e is SecurityTokenInvalidIssuerException)
            {
                return $"Sign-in with {provider} was refused: the answer came from an unexpected issuer.";
            }
        }

        return failure?.Message.Contains("access_denied", StringComparison.Ordinal) == true
            ? $"Sign-in with {provider} was cancelled."
            : $"Sign-in with {provider} failed; nothing was changed. Try again, or log in with your EventHub password.";
    }
}

/// <summary>
/// Carries a refusal to the login page in its address, protected so that nobody can put words of their own there. (A
/// status cookie would not survive: the provider's redirect is a cross-site navigation, and that cookie is SameSite=Strict.)
/// </summary>
public sealed class SingleSignOnErrors(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string QueryName = "ssoError";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IDataProtector protector = protection.CreateProtector("EventHub.SingleSignOn.Error");

    /// <summary>The login page's address with the message, relative to the app's base.</summary>
    public string LoginPath(string message)
        => $"Account/Login?{QueryName}={Uri.EscapeDataString(protector.Protect($"{clock.GetUtcNow().Add(Lifetime).UtcTicks}|{message}"))}";

    /// <summary>The message, or null when the value is missing, forged or expired.</summary>
    public string? Read(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var payload = protector.Unprotect(value);
            var bar = payload.IndexOf('|');
            return bar > 0 && long.TryParse(payload[..bar], out var expires) && expires >= clock.GetUtcNow().UtcTicks ? payload[(bar + 1)..] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
