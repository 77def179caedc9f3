using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

/// <summary>An approved attendee downloads a pre-read through their personal link. Audited with the registration.</summary>
public sealed class DownloadAttendeeDocument(IDbContextFactory<EventHubDbContext> dbFactory, DocumentStore store, AuditLog audit)
{
    public async Task<Outcome<DocumentDownload>> ExecuteAsync(string? token, Guid documentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await AttendeeLinks.FindAsync(db, token, ct);
        if (r is null)
        {
            return Outcome<DocumentDownload>.NotFound();
        }

        if (r.Status != RegistrationStatus.Approved)
        {
            return Outcome<DocumentDownload>.Forbidden();
        }

        var download = await DocumentDownloads.OpenAsync(db, store, audit, null, r.EventId, documentId, $"attendee {r.Name} (registration {r.Id})", ct);
        return download is null ? Outcome<DocumentDownload>.NotFound() : Outcome<DocumentDownload>.Success(download);
    }
}
