using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Features.Access;
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
        app.Use(async (context, next) =>
        {
            // Pages behind personal links: the token in the address must not leak to other sites, nor be indexed.
            if (context.Request.Path.StartsWithSegments("/i") || context.Request.Path.StartsWithSegments("/r") || context.Request.Path.StartsWithSegments("/unsubscribe")
                || context.Request.Path.StartsWithSegments("/consent"))
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
        }, // This app's own storage, not Hangfire's process-wide JobStorage.Current, which another host in the process may replace.
        app.Services.GetRequiredService<Hangfire.JobStorage>()).RequireAuthorization(Policies.Administrator);

        // The message as the relay received it (or the pickup folder holds it), its working links masked; the download is audited.
        app.MapGet("/outbox/{id:guid}/message.eml", async (Guid id, ClaimsPrincipal user, GetOutboundEmail get, MimeMessageFactory mime, CancellationToken ct) =>
        {
            var outcome = await get.ExecuteAsync(user, id, ct, withAttachments: true);
            if (outcome.Value is not { } detail)
            {
                return outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.Forbid();
            }

            var stream = new MemoryStream();
            await mime.Create(detail.Email).WriteToAsync(stream, ct);
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

        // The report as a Word file for the team, marked with who exported it (ExportReportDocx asks the authorization handler).
        app.MapGet("/events/{eventId:guid}/report/report.docx", async (Guid eventId, ClaimsPrincipal user, EventHub.Core.Features.Reports.ExportReportDocx export, CancellationToken ct) =>
        {
            var outcome = await export.ExecuteAsync(user, eventId, ct);
            return outcome.Value is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.Forbid();
        }).RequireAuthorization();

        // The attendee's calendar entry: approved registrations only (the venue is in it).
        app.MapGet("/r/{token}/calendar.ics", async (string token, GetCalendarEntry get, CancellationToken ct) =>
        {
            var outcome = await get.ExecuteAsync(token, ct);
            return outcome.Value is { } file
                ? Results.File(file.Content, "text/calendar; charset=utf-8", file.FileName)
                : outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).RequireRateLimiting(RateLimitOptions.PersonalLinkPolicy);

        app.MapAccessEndpoints();
        return app;
    }

    /// <summary>The access list for building security and the pre-read downloads: each use case decides who may have it.</summary>
    private static void MapAccessEndpoints(this WebApplication app)
    {
        app.MapGet("/events/{eventId:guid}/access-list.csv", (Guid eventId, ClaimsPrincipal user, ExportAccessList export, CancellationToken ct)
            => AccessListAsync(eventId, AccessListFormat.Csv, user, export, ct)).RequireAuthorization();
        app.MapGet("/events/{eventId:guid}/access-list.xlsx", (Guid eventId, ClaimsPrincipal user, ExportAccessList export, CancellationToken ct)
            => AccessListAsync(eventId, AccessListFormat.Xlsx, user, export, ct)).RequireAuthorization();

        app.MapGet("/events/{eventId:guid}/documents/{documentId:guid}/download", async (Guid eventId, Guid documentId, HttpContext context, DownloadDocument download, CancellationToken ct)
            => Attachment(context, await download.ExecuteAsync(context.User, eventId, documentId, ct))).RequireAuthorization();

        app.MapGet("/r/{token}/documents/{documentId:guid}", async (string token, Guid documentId, HttpContext context, DownloadAttendeeDocument download, CancellationToken ct)
            => Attachment(context, await download.ExecuteAsync(token, documentId, ct))).RequireRateLimiting(RateLimitOptions.PersonalLinkPolicy);
    }

    private static async Task<IResult> AccessListAsync(Guid eventId, AccessListFormat format, ClaimsPrincipal user, ExportAccessList export, CancellationToken ct)
    {
        var outcome = await export.ExecuteAsync(user, eventId, format, ct);
        return outcome.Value is { } file
            ? Results.File(file.Content, file.ContentType, file.FileName)
            : outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Always an attachment (never shown inline in the app's origin), with the original name as RFC 6266/5987 filename*
    /// beside an ASCII fallback (ASP.NET writes both), and nosniff so a browser never second-guesses the type.
    /// </summary>
    private static IResult Attachment(HttpContext context, Outcome<DocumentDownload> outcome)
    {
        if (outcome.Value is not { } file)
        {
            return outcome.Status == OutcomeStatus.NotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
