using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Features.Access;

/// <summary>
/// An organiser withdraws a document: from then on nobody can download it, and its file is removed from disk. The row stays
/// (title, file name, size and SHA-256), so the audit trail still says what was shared and to whom.
/// </summary>
public sealed class DeleteDocument(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, DocumentStore store, TimeProvider clock, ILogger<DeleteDocument> logger)
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

        // After the commit: a file removed for a deletion that did not happen would be lost. A file that cannot be removed
        // now (held open by a download in progress) is logged; nobody can reach it through the app any more.
        try
        {
            File.Delete(store.PathFor(document.StorageKey));
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "The file of withdrawn document {DocumentId} could not be removed from disk.", document.Id);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning(e, "The file of withdrawn document {DocumentId} could not be removed from disk.", document.Id);
        }

        return Outcome.Success();
    }
}
