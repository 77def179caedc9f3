namespace EventHub.Core.Data;

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
