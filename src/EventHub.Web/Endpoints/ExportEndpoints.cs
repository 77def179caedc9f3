using EventHub.Core.Common;
using EventHub.Core.Features.Activity;
using EventHub.Core.Features.Exports;

namespace EventHub.Web.Endpoints;

/// <summary>An event's registrations, invitations and check-ins as files: the use case decides who may have them (its organisers).</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/events/{eventId:guid}").RequireAuthorization();
        team.MapGet("/exports/{dataset}.{format}", ExportAsync);
        team.MapGet("/activity.csv", ActivityAsync);
        return app;
    }

    /// <summary>The names in the address: registrations, invitations or check-ins; csv or xlsx.</summary>
    public static string DatasetSlug(EventDataset dataset) => dataset == EventDataset.CheckIns ? "check-ins" : dataset.ToString().ToLowerInvariant();

    /// <summary>The activity under the page's filters: ?person=&amp;action=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd.</summary>
    private static async Task<IResult> ActivityAsync(Guid eventId, string? person, string? action, DateOnly? from, DateOnly? to, HttpContext context, ExportEventActivity export, CancellationToken ct)
        => Attachment(context, await export.ExecuteAsync(context.User, eventId, new ActivityQuery { PersonId = person, Action = action, From = from, To = to }, ct));

    private static async Task<IResult> ExportAsync(Guid eventId, string dataset, string format, HttpContext context, ExportEventData export, CancellationToken ct)
    {
        var which = Enum.GetValues<EventDataset>().Cast<EventDataset?>().FirstOrDefault(d => DatasetSlug(d!.Value) == dataset.ToLowerInvariant());
        SpreadsheetFormat? kind = format.ToLowerInvariant() switch { "csv" => SpreadsheetFormat.Csv, "xlsx" => SpreadsheetFormat.Xlsx, _ => null };
        if (which is null || kind is null)
        {
            return Results.NotFound();
        }

        return Attachment(context, await export.ExecuteAsync(context.User, eventId, which.Value, kind.Value, ct));
    }

    private static IResult Attachment(HttpContext context, Outcome<ExportFile> outcome) => outcome.ToHttpResult(file =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    });
}
