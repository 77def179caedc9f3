using EventHub.Core.Common;
using EventHub.Core.Features.Exports;

namespace EventHub.Web.Endpoints;

/// <summary>An event's registrations, invitations and check-ins as files: the use case decides who may have them (its organisers).</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/events/{eventId:guid}").RequireAuthorization();
        team.MapGet("/exports/{dataset}.{format}", ExportAsync);
        return app;
    }

    /// <summary>The names in the address: registrations, invitations or check-ins; csv or xlsx.</summary>
    public static string DatasetSlug(EventDataset dataset) => dataset == EventDataset.CheckIns ? "check-ins" : dataset.ToString().ToLowerInvariant();

    private static async Task<IResult> ExportAsync(Guid eventId, string dataset, string format, HttpContext context, ExportEventData export, CancellationToken ct)
    {
        var which = Enum.GetValues<EventDataset>().Cast<EventDataset?>().FirstOrDefault(d => DatasetSlug(d!.Value) == dataset.ToLowerInvariant());
        SpreadsheetFormat? kind = format.ToLowerInvariant() switch { "csv" => SpreadsheetFormat.Csv, "xlsx" => SpreadsheetFormat.Xlsx, _ => null };
        if (which is null || kind is null)
        {
            return Results.NotFound();
        }

        return (await export.ExecuteAsync(context.User, eventId, which.Value, kind.Value, ct)).ToHttpResult(file =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
    }
}
