using System.Security.Claims;
using System.Security.Cryptography;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

/// <summary>An upload as the screen received it. <see cref="DeclaredSize"/> lets an oversized file be refused before it is read.</summary>
public sealed record DocumentUpload(string? Title, string? FileName, long DeclaredSize, Stream Content);

/// <summary>
/// An organiser adds a pre-read document. Refused with a message naming the problem: no title, an empty or oversized file,
/// a type not on the list (by extension and by content), a name with a path in it. Nothing is kept of a refused upload.
/// </summary>
public sealed class UploadDocument(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, DocumentStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, DocumentUpload upload, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<Guid>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome<Guid>.NotFound();
        }

        var title = upload.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            return Outcome<Guid>.Invalid("Title", "Give the document a title (e.g. “The study”).");
        }

        if (title.Length > 200)
        {
            return Outcome<Guid>.Invalid("Title", "Keep the title under 200 characters.");
        }

        var (fileName, nameError) = DocumentRules.CleanFileName(upload.FileName);
        if (nameError is not null)
        {
            return Outcome<Guid>.Invalid("File", nameError);
        }

        var contentType = DocumentRules.ContentTypeFor(fileName!);
        if (contentType is null)
        {
            return Outcome<Guid>.Invalid("File", $"“{fileName}” is not a type that can be shared: upload {DocumentRules.AllowedList}.");
        }

        var tooLarge = $"“{fileName}” is larger than {store.MaxFileBytes / (1024 * 1024)} MB, the most that can be uploaded. Compress it or split it.";
        if (upload.DeclaredSize > store.MaxFileBytes)
        {
            return Outcome<Guid>.Invalid("File", tooLarge);
        }

        System.IO.Directory.CreateDirectory(store.Root);
        var key = DocumentStore.NewKey();
        var finalPath = store.PathFor(key);
        var tempPath = finalPath + ".uploading";
        var committed = false;
        try
        {
            string sha256;
            long size;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await upload.Content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > store.MaxFileBytes)
                    {
                        return Outcome<Guid>.Invalid("File", tooLarge);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                if (size == 0)
                {
                    return Outcome<Guid>.Invalid("File", $"“{fileName}” is empty (0 bytes). Choose the file again.");
                }

                await file.FlushAsync(ct);
                if (DocumentRules.CheckContent(fileName!, file) is { } contentError)
                {
                    return Outcome<Guid>.Invalid("File", contentError);
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            File.Move(tempPath, finalPath);
            var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
            var uploader = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            var document = new EventDocument
            {
                Id = Guid.CreateVersion7(),
                EventId = eventId,
                Title = title,
                FileName = fileName!,
                ContentType = contentType,
                SizeBytes = size,
                StorageKey = key,
                Sha256 = sha256,
                UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
                UploadedByUserId = userId,
                UploadedByName = uploader ?? actor.Identity?.Name,
            };
            db.EventDocuments.Add(document);
            audit.Record(db, actor, "document.uploaded", eventId, nameof(EventDocument), document.Id.ToString(), $"{title}: {fileName}, {size} bytes, sha256 {sha256}");
            await db.SaveChangesAsync(ct);
            committed = true;
            return Outcome<Guid>.Success(document.Id);
        }
        finally
        {
            File.Delete(tempPath);
            if (!committed)
            {
                File.Delete(finalPath);
            }
        }
    }
}
