namespace EventHub.Core.Data;

public enum OutboundEmailStatus
{
    /// <summary>Waiting to be sent (first attempt, or a retry after a temporary failure).</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher; a claim that outlives <see cref="OutboundEmail.ClaimExpiresAtUtc"/> is taken over.</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Refused permanently (SMTP 5xx) or out of retries; <see cref="OutboundEmail.LastError"/> says why.</summary>
    Failed = 3,
}

/// <summary>
/// One email to send: written in the same transaction as the business change that causes it.
/// <see cref="CorrelationKey"/> is unique, so the same intention can never be written twice.
/// </summary>
public class OutboundEmail
{
    public Guid Id { get; set; }
    public required string CorrelationKey { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The event the message belongs to, if any: its organisers may see it in the outbox.</summary>
    public Guid? EventId { get; set; }

    public OutboundEmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimExpiresAtUtc { get; set; }
    public string? LastError { get; set; }

    public List<OutboundEmailAttachment> Attachments { get; set; } = [];
}

public class OutboundEmailAttachment
{
    public Guid Id { get; set; }
    public Guid OutboundEmailId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
