using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Features.Access;
using EventHub.Web.Hosting;

namespace EventHub.Web.Endpoints;

/// <summary>The access list for building security and the pre-read downloads: each use case decides who may have it.</summary>
public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/events/{eventId:guid}").RequireAuthorization();
        team.MapGet("/access-list.csv", (Guid eventId, ClaimsPrincipal user, ExportAccessList export, CancellationToken ct) => AccessListAsync(eventId, AccessListFormat.Csv, user, export, ct));
        team.MapGet("/access-list.xlsx", (Guid eventId, ClaimsPrincipal user, ExportAccessList export, CancellationToken ct) => AccessListAsync(eventId, AccessListFormat.Xlsx, user, export, ct));
        team.MapGet("/documents/{documentId:guid}/download", DownloadAsync);

        var attendee = app.MapGroup("/r/{token}").AsPersonalLink();
        attendee.MapGet("/documents/{documentId:guid}", AttendeeDownloadAsync);
        return app;
    }

    private static async Task<IResult> AccessListAsync(Guid eventId, AccessListFormat format, ClaimsPrincipal user, ExportAccessList export, CancellationToken ct)
        => (await export.ExecuteAsync(user, eventId, format, ct)).ToHttpResult(file => Results.File(file.Content, file.ContentType, file.FileName));

    private static async Task<IResult> DownloadAsync(Guid eventId, Guid documentId, HttpContext context, DownloadDocument download, CancellationToken ct)
        => Attachment(context, await download.ExecuteAsync(context.User, eventId, documentId, ct));

    private static async Task<IResult> AttendeeDownloadAsync(string token, Guid documentId, HttpContext context, DownloadAttendeeDocument download, CancellationToken ct)
        => Attachment(context, await download.ExecuteAsync(token, documentId, ct));

    /// <summary>
    /// Always an attachment (never shown inline in the app's origin), with the original name as RFC 6266/5987 filename*
    /// beside an ASCII fallback (ASP.NET writes both), and nosniff so a browser never second-guesses the type.
    /// </summary>
    private static IResult Attachment(HttpContext context, Outcome<DocumentDownload> outcome) => outcome.ToHttpResult(file =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    });
}
