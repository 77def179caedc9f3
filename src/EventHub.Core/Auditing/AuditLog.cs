using System.Security.Claims;
using EventHub.Core.Data;

namespace EventHub.Core.Auditing;

/// <summary>Adds audit entries to the caller's context, so they commit (or roll back) with the change they describe.</summary>
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
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
