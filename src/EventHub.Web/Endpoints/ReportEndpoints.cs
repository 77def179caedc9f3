using System.Security.Claims;
using EventHub.Core.Features.Reports;

namespace EventHub.Web.Endpoints;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var report = app.MapGroup("/events/{eventId:guid}/report").RequireAuthorization();
        report.MapGet("/report.docx", WordDocumentAsync);
        return app;
    }

    /// <summary>The report as a Word file for the team, marked with who exported it (ExportReportDocx asks the authorization handler).</summary>
    private static async Task<IResult> WordDocumentAsync(Guid eventId, ClaimsPrincipal user, ExportReportDocx export, CancellationToken ct)
        => (await export.ExecuteAsync(user, eventId, ct)).ToHttpResult(file => Results.File(file.Content, file.ContentType, file.FileName));
}
