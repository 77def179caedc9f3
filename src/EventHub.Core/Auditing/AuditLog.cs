using System.Security.Claims;
using EventHub.Core.Data;

namespace EventHub.Core.Auditing;

/// <summary>
/// Adds audit entries to the caller's context, so they commit (or roll back) with the change they describe. Entries are
/// append-only: only <see cref="Jobs.SealAuditLog"/> (which chains them) and <see cref="AuditRedaction"/> (which removes
/// personal data under retention or erasure) ever change them.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    public AuditEntry Record(EventHubDbContext db, ClaimsPrincipal? actor, string action, Guid? eventId = null, string? subjectType = null, string? subjectId = null, string? details = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = actor?.Identity?.Name,
            Action = action,
            EventId = eventId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details,
            ContentDigest = AuditChain.ContentDigest(actor?.Identity?.Name, details),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
