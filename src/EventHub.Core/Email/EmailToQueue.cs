namespace EventHub.Core.Email;

/// <summary>An email a use case wants sent. <see cref="CorrelationKey"/> names the intention (e.g. invitation:{id}:initial) and is unique.</summary>
public sealed record EmailToQueue(
    string CorrelationKey,
    string ToAddress,
    string? ToName,
    string Subject,
    RenderedEmail Body,
    Guid? EventId = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);
