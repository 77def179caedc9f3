using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Auditing;

/// <summary>
/// Removes the personal parts (actor name, details) of audit entries, stamping <see cref="AuditEntry.RedactedAtUtc"/>.
/// The digest of what was written stays, so the hash chain still verifies; the action, time, actor id and subject remain.
/// </summary>
public static class AuditRedaction
{
    public static Task<int> RedactAsync(IQueryable<AuditEntry> entries, DateTime nowUtc, CancellationToken ct)
        => entries
            .Where(a => a.RedactedAtUtc == null && (a.ActorName != null || a.Details != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ActorName, (string?)null)
                .SetProperty(a => a.Details, (string?)null)
                .SetProperty(a => a.RedactedAtUtc, nowUtc), ct);

    /// <summary>The subject types whose entries describe an attendee or invitee (their name is often in the details).</summary>
    public static readonly string[] PersonSubjectTypes =
    [
        nameof(Registration), nameof(Invitation), nameof(Contact), nameof(AccessPass), nameof(CheckIn),
        nameof(OnRecordConsent), nameof(CirculationRecipient),
    ];
}
