using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

public sealed record DocumentRow(Guid Id, string Title, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc, string? UploadedByName, int Downloads);

/// <summary>The event's pre-read documents (not deleted), for the team except door staff.</summary>
public sealed class ListDocuments(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<DocumentRow>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewDocuments))
        {
            return Outcome<IReadOnlyList<DocumentRow>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var documents = await db.EventDocuments.AsNoTracking()
            .Where(d => d.EventId == eventId && d.DeletedAtUtc == null)
            .OrderBy(d => d.UploadedAtUtc)
            .Select(d => new { d.Id, d.Title, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAtUtc, d.UploadedByName })
            .ToListAsync(ct);
        var ids = documents.Select(d => d.Id.ToString()).ToList();
        var downloads = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EventId == eventId && a.Action == DocumentDownloads.Action && a.SubjectId != null && ids.Contains(a.SubjectId))
            .GroupBy(a => a.SubjectId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return Outcome<IReadOnlyList<DocumentRow>>.Success(documents
            .Select(d => new DocumentRow(d.Id, d.Title, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAtUtc, d.UploadedByName, downloads.GetValueOrDefault(d.Id.ToString())))
            .ToList());
    }
}
