using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Features.Directory;

namespace EventHub.Web.Endpoints;

public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/directory").RequireAuthorization(Policies.Staff);
        directory.MapGet("/export.csv", ExportAsync);
        return app;
    }

    /// <summary>A directory as CSV, for those who keep it (ExportContacts asks DirectoryAccess).</summary>
    private static async Task<IResult> ExportAsync(Guid organisation, ClaimsPrincipal user, ExportContacts export, CancellationToken ct)
        => (await export.ExecuteAsync(user, organisation, ct)).ToHttpResult(file => Results.File(file.Content, "text/csv; charset=utf-8", file.FileName));
}
