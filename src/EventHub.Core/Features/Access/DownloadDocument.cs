using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

/// <summary>A document on its way out: the caller streams it as an attachment and disposes it.</summary>
public sealed record DocumentDownload(string FileName, string ContentType, Stream Content);

internal static class DocumentDownloads
{
    public const string Action = "document.downloaded";

    /// <summary>Opens a live document of the event and records the download in the same save; null when there is none.</summary>
    public static async Task<DocumentDownload?> OpenAsync(EventHubDbContext db, DocumentStore store, AuditLog audit, ClaimsPrincipal? actor, Guid eventId, Guid documentId, string by, CancellationToken ct)
    {
        var document = await db.EventDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.EventId == eventId && d.DeletedAtUtc == null, ct);
        if (document is null || store.OpenRead(document.StorageKey) is not { } content)
        {
            return null;
        }

        audit.Record(db, actor, Action, eventId, nameof(EventDocument), document.Id.ToString(), $"{document.Title} ({document.FileName}) by {by}");
        await db.SaveChangesAsync(ct);
        return new DocumentDownload(document.FileName, document.ContentType, content);
    }
}

/// <summary>A team member (not door staff) downloads a pre-read from the event. Audited.</summary>
public sealed class DownloadDocument(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, DocumentStore store, AuditLog audit)
{
    public async Task<Outcome<DocumentDownload>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid documentId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewDocuments))
        {
            return Outcome<DocumentDownload>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var download = await DocumentDownloads.OpenAsync(db, store, audit, actor, eventId, documentId, $"team member {actor.Identity?.Name}", ct);
        return download is null ? Outcome<DocumentDownload>.NotFound() : Outcome<DocumentDownload>.Success(download);
    }
}
