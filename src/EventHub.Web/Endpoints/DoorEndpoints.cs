using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventHub.Core.Common;
using EventHub.Core.Door;
using EventHub.Core.Features.Door;
using EventHub.Core.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace EventHub.Web.Endpoints;

/// <summary>
/// The door's printed material (for the team at the door, like the door screen) and the offline door's API. The offline
/// door authenticates with its door session's token in an Authorization header (Bearer), never a cookie: no other site can
/// make a browser send it, and a revoked or expired session gets 403, on which the device erases its list.
/// </summary>
public static class DoorEndpoints
{
    public static IEndpointRouteBuilder MapDoorEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/events/{eventId:guid}/door").RequireAuthorization();
        team.MapGet("/name-cards.pdf", (Guid eventId, HttpContext context, PrintDoorMaterial print, CancellationToken ct) => PrintAsync(eventId, DoorPrint.NameCards, context, print, ct));
        team.MapGet("/check-in-sheet.pdf", (Guid eventId, HttpContext context, PrintDoorMaterial print, CancellationToken ct) => PrintAsync(eventId, DoorPrint.CheckInSheet, context, print, ct));
        team.MapGet("/badges.pdf", (Guid eventId, HttpContext context, PrintDoorMaterial print, CancellationToken ct) => PrintAsync(eventId, DoorPrint.Badges, context, print, ct));

        var device = app.MapGroup("/door-api").DisableAntiforgery();
        device.MapGet("/session", SessionAsync);
        device.MapGet("/list", ListAsync);
        device.MapPost("/check-ins", SyncAsync);
        device.MapPost("/end", EndAsync);
        return app;
    }

    private static async Task<IResult> PrintAsync(Guid eventId, DoorPrint kind, HttpContext context, PrintDoorMaterial print, CancellationToken ct)
        => (await print.ExecuteAsync(context.User, eventId, kind, ct)).ToHttpResult(file =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, PrintedFile.ContentType, file.FileName);
        });

    /// <summary>
    /// The session, with the door's words in the language of the device's browser (request localization): the device keeps
    /// them with its list, so the steward reads them offline too.
    /// </summary>
    private static async Task<IResult> SessionAsync(HttpContext context, GetDoorDeviceSession session, Translations translations, IStringLocalizer<StaffText> text, CancellationToken ct)
        => Private(context, await session.ExecuteAsync(Token(context), ct), value =>
        {
            var culture = translations.Culture(Languages.CodeOf(CultureInfo.CurrentUICulture));
            var body = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();
            body["doorDay"] = new DoorDay(value.DoorOpensAtUtc, value.DoorClosesAtUtc, value.TimeZoneId).Describe(culture);
            body["locale"] = PseudoLocale.Is(culture) ? "en-GB" : culture.Name;
            body["texts"] = new JsonObject(text.GetAllStrings(false)
                .Where(s => s.Name.StartsWith(DoorAppPrefix, StringComparison.Ordinal))
                .Select(s => KeyValuePair.Create(s.Name[DoorAppPrefix.Length..], (JsonNode?)JsonValue.Create(s.Value))));
            return Results.Json(body);
        });

    /// <summary>The offline door app's texts in StaffText: "DoorApp.Count" is the app's "Count".</summary>
    public const string DoorAppPrefix = "DoorApp.";

    /// <summary>The list with an ETag of its content: a device refreshing every few seconds downloads it only when it changed.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, GetDoorList list, CancellationToken ct)
        => Private(context, await list.ExecuteAsync(Token(context), ct), value =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(value.Attendees, JsonOptions);
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers["X-Door-List-Generated"] = value.GeneratedAtUtc.ToString("O");
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(body, "application/json");
        });

    private static async Task<IResult> SyncAsync(HttpContext context, SyncDoorCheckIns sync, CancellationToken ct)
    {
        if (!PersonalToken.LooksValid(Token(context)))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        List<DeviceCheckIn>? items;
        try
        {
            items = await context.Request.ReadFromJsonAsync<List<DeviceCheckIn>>(JsonOptions, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["The check-ins could not be read: send a JSON array."] });
        }

        return Private(context, await sync.ExecuteAsync(Token(context), items, ct), Results.Ok);
    }

    private static async Task<IResult> EndAsync(HttpContext context, EndDoorSession end, CancellationToken ct)
    {
        var outcome = await end.ExecuteAsync(Token(context), ct);
        context.Response.Headers.CacheControl = "no-store";
        return outcome.Succeeded ? Results.NoContent() : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static IResult Private<T>(HttpContext context, Outcome<T> outcome, Func<T, IResult> success)
    {
        context.Response.Headers.CacheControl = "no-store";
        return outcome.ToHttpResult(success);
    }

    private static string? Token(HttpContext context)
    {
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
