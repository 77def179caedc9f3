using EventHub.Core.Authorization;
using EventHub.Core.Data;
using EventHub.Core.Features.Demo;
using EventHub.Web.Components;
using EventHub.Web.Endpoints;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Hosting;

public static class WebApplicationExtensions
{
    /// <summary>Migrates where the configuration says so, and seeds the demo on a first start in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        if (initializer.ShouldMigrateOnStart)
        {
            await initializer.MigrateAsync();
        }

        if (app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.SeedOnFirstStart)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
            if (!db.Users.Any())
            {
                var logins = await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync();
                HostCommands.PrintDemoLogins(logins);
            }
        }
    }

    public static WebApplication UseEventHubWeb(this WebApplication app)
    {
        // First: everything after it (HTTPS redirection, rate limits, lockout, logs) sees the client's real address.
        app.UseEventHubForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseEventHubSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UsePersonalLinkHeaders();
        app.UseEventHubRequestLanguages();
        app.UseRateLimiter();
        app.UseTwoFactorSetupRequirement();
        app.UseAntiforgery();
        // A post whose antiforgery token is missing or forged gets 400 before any endpoint reads its form (the template's
        // minimal-API posts would otherwise throw and answer 500).
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // Not re-executed as the not-found page: that page would read the same refused form.
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            try
            {
                await next();
            }
            catch (Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException) when (!context.Response.HasStarted)
            {
                // Endpoints that validate by themselves (the passkey options) throw: a refused post, not a server error.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        });
        return app;
    }

    public static WebApplication MapEventHubEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithPersonalLinkRateLimit();
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthChecks("/health");

        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            DashboardTitle = "EventHub jobs",
            AppPath = "/",
            Authorization = [new AdministratorDashboardFilter()],
        }, // This app's own storage, not Hangfire's process-wide JobStorage.Current, which another host in the process may replace.
        app.Services.GetRequiredService<Hangfire.JobStorage>()).RequireAuthorization(Policies.Administrator);

        app.MapOutboxEndpoints();
        app.MapDirectoryEndpoints();
        app.MapReportEndpoints();
        app.MapRegistrationEndpoints();
        app.MapAccessEndpoints();
        app.MapExportEndpoints();
        app.MapDoorEndpoints();
        app.MapLanguageEndpoints();
        return app;
    }

    private sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
