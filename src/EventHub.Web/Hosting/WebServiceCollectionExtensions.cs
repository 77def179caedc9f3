using EventHub.Core;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace EventHub.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>The host's own services: Blazor, Identity with EventHub's security settings, policies, Data Protection.</summary>
    public static WebApplicationBuilder AddEventHubWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Every environment checks the container as Development does: a scoped service taken from the root fails at once.
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        builder.AddEventHubForwardedHeaders();
        services.AddValidatedOptions<DemoOptions>(DemoOptions.SectionName);

        // The report editor sends the whole text as the rapporteur types (ReportRules.MaxMarkdownLength characters at most):
        // SignalR's default 32 KB per message would end the circuit at about five pages.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        services.AddCascadingAuthenticationState();
        services.AddEventHubRequestLanguages();
        services.AddScoped<IdentityRedirectManager>();
        services.AddSingleton<LoginFailures>();
        services.AddSingleton<EventHub.Web.Components.Shared.StaffTime>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.AddEventHubSingleSignOn();

        // Identity's stores and EventHub's password and lockout policy come from Core; the host adds signing in
        // (EventHubSignInManager counts lockout per account and client address).
        services.AddEventHubIdentity().AddSignInManager<EventHubSignInManager>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            // Organisation roles in any organisation: the page then narrows to the organisations where the user holds it.
            .AddPolicy(Policies.CreatesEvents, p => p.AddRequirements(new OrganisationRoleRequirement(OrganisationRole.CreatesEvents)))
            .AddPolicy(Policies.KeepsDirectory, p => p.AddRequirements(new OrganisationRoleRequirement(OrganisationRole.KeepsDirectory)))
            .AddPolicy(Policies.ManagesOrganisation, p => p.AddRequirements(new OrganisationRoleRequirement(OrganisationRole.ManagesOrganisation)));

        // Keys in the database: cookies and personal links survive restarts and are valid on every node.
        services.AddDataProtection().SetApplicationName("EventHub").PersistKeysToDbContext<EventHubDbContext>();

        // The antiforgery cookie's default SecurePolicy is None: over HTTPS (directly or behind the trusted proxy) it is Secure,
        // like the Identity cookies (SameAsRequest by default).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddValidatedOptions<SecurityOptions>(SecurityOptions.SectionName);
        // Strict-Transport-Security outside Development (UseHsts in UseEventHubWeb): a year, subdomains included.
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HstsOptions>().Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((hsts, security) =>
        {
            hsts.MaxAge = security.Value.HstsMaxAge;
            hsts.IncludeSubDomains = true;
        });

        if (builder.Environment.IsDevelopment())
        {
            services.AddDatabaseDeveloperPageExceptionFilter();
        }

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Personal links are guessable only by brute force: a client that tries too many gets 429.
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitOptions.PersonalLinkPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = limits.PersonalLinkPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // Login forms: only the posts count, so reading the page (and its validation errors) is never refused.
            options.AddPolicy(RateLimitOptions.LoginPolicy, context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    return System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("read");
                }

                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    "login:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = limits.LoginPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return builder;
    }
}
