namespace EventHub.Core.Data;

/// <summary>
/// Who did what, when, and why. Written by <see cref="Auditing.AuditLog"/>; never updated except to seal it into the
/// hash chain (<see cref="ChainIndex"/>, <see cref="Hash"/>) and to redact personal data under retention or erasure.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public required string Action { get; set; }
    public Guid? EventId { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    public string? Details { get; set; }

    /// <summary>
    /// SHA-256 (hex) of the personal parts (<see cref="ActorName"/>, <see cref="Details"/>) as written. The chain hashes this
    /// digest, not the text, so redacting the text later keeps the chain verifiable.
    /// </summary>
    public string? ContentDigest { get; set; }

    /// <summary>Position in the hash chain, assigned when the entry is sealed (in commit order, not id order).</summary>
    public long? ChainIndex { get; set; }

    /// <summary>SHA-256 (hex) over the previous entry's hash and this entry's fields.</summary>
    public string? Hash { get; set; }

    /// <summary>When personal data was removed from this entry (retention or a person's erasure).</summary>
    public DateTime? RedactedAtUtc { get; set; }
}
