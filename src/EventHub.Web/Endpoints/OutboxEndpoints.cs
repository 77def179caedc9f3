using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Email;
using EventHub.Core.Features.Outbox;

namespace EventHub.Web.Endpoints;

public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var outbox = app.MapGroup("/outbox").RequireAuthorization(Policies.Staff);
        outbox.MapGet("/{id:guid}/message.eml", MessageAsync);
        return app;
    }

    /// <summary>The message as the relay received it (or the pickup folder holds it), its working links masked; the download is audited.</summary>
    private static async Task<IResult> MessageAsync(Guid id, ClaimsPrincipal user, GetOutboundEmail get, MimeMessageFactory mime, CancellationToken ct)
        => await (await get.ExecuteAsync(user, id, ct, withAttachments: true)).ToHttpResultAsync(async detail =>
        {
            var stream = new MemoryStream();
            await mime.Create(detail.Email).WriteToAsync(stream, ct);
            stream.Position = 0;
            return Results.File(stream, "message/rfc822", $"{id:N}.eml");
        });
}
