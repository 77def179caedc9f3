using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>Deletes one of the author's own notes.</summary>
public sealed class DeleteNote(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid noteId, CancellationToken ct = default)
    {
        var userId = ReportRules.UserId(actor);
        if (userId is null || !await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.ReportNotes.Where(n => n.Id == noteId && n.EventId == eventId && n.AuthorUserId == userId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Outcome.NotFound() : Outcome.Success();
    }
}
