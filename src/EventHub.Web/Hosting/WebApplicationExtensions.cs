using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Features.Demo;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Outbox;
using EventHub.Core.Features.Registrations;
using EventHub.Web.Components;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.EntityFrameworkCore;
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
        app.Use(async (context, next) =>
        {
            // Pages behind personal links: the token in the address must not leak to other sites, nor be indexed.
            if (context.Request.Path.StartsWithSegments("/i") || context.Request.Path.StartsWithSegments("/r") || context.Request.Path.StartsWithSegments("/unsubscribe"))
            {
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
                context.Response.Headers.CacheControl = "no-store";
            }

            await next();
        });
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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthChecks("/health");

        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            DashboardTitle = "EventHub jobs",
            AppPath = "/",
            Authorization = [new AdministratorDashboardFilter()],
        }).RequireAuthorization(Policies.Administrator);

        // The raw message, as the relay received it (or the pickup folder holds it).
        app.MapGet("/outbox/{id:guid}/message.eml", async (Guid id, ClaimsPrincipal user, GetOutboundEmail get, EventHubDbContext db, MimeMessageFactory mime, CancellationToken ct) =>
        {
            var outcome = await get.ExecuteAsync(user, id, ct);
            if (!outcome.Succeeded)
            {
                return outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.Forbid();
            }

            var email = await db.OutboundEmails.AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.Id == id, ct);
            var stream = new MemoryStream();
            await mime.Create(email).WriteToAsync(stream, ct);
            stream.Position = 0;
            return Results.File(stream, "message/rfc822", $"{id:N}.eml");
        }).RequireAuthorization(Policies.Staff);

        // A directory as CSV, for those who keep it (ExportContacts asks DirectoryAccess).
        app.MapGet("/directory/export.csv", async (Guid organisation, ClaimsPrincipal user, ExportContacts export, CancellationToken ct) =>
        {
            var outcome = await export.ExecuteAsync(user, organisation, ct);
            return outcome.Value is { } file
                ? Results.File(file.Content, "text/csv; charset=utf-8", file.FileName)
                : outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.Forbid();
        }).RequireAuthorization(Policies.Staff);

        // The attendee's calendar entry: approved registrations only (the venue is in it).
        app.MapGet("/r/{token}/calendar.ics", async (string token, GetCalendarEntry get, CancellationToken ct) =>
        {
            var outcome = await get.ExecuteAsync(token, ct);
            return outcome.Value is { } file
                ? Results.File(file.Content, "text/calendar; charset=utf-8", file.FileName)
                : outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).RequireRateLimiting(RateLimitOptions.PersonalLinkPolicy);

        return app;
    }

    private sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
