using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Features.Outbox;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Endpoints;

public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var outbox = app.MapGroup("/outbox").RequireAuthorization(Policies.Staff);
        outbox.MapGet("/{id:guid}/message.eml", MessageAsync);
        return app;
    }

    /// <summary>The raw message, as the relay received it (or the pickup folder holds it).</summary>
    private static async Task<IResult> MessageAsync(Guid id, ClaimsPrincipal user, GetOutboundEmail get, EventHubDbContext db, MimeMessageFactory mime, CancellationToken ct)
    {
        return await (await get.ExecuteAsync(user, id, ct)).ToHttpResultAsync<OutboundEmailDetail>(async _ =>
        {
            var email = await db.OutboundEmails.AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.Id == id, ct);
            var stream = new MemoryStream();
            await mime.Create(email).WriteToAsync(stream, ct);
            stream.Position = 0;
            return Results.File(stream, "message/rfc822", $"{id:N}.eml");
        });
    }
}
