using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

/// <summary>
/// An organiser withdraws a document: from then on nobody can download it. The row and the file are kept (soft delete), so
/// the audit trail still says what was shared; retention removes them with the event's other data.
/// </summary>
public sealed class DeleteDocument(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid documentId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.EventDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.EventId == eventId && d.DeletedAtUtc == null, ct);
        if (document is null)
        {
            return Outcome.NotFound();
        }

        document.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, actor, "document.deleted", eventId, nameof(EventDocument), document.Id.ToString(), $"{document.Title}: {document.FileName}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
