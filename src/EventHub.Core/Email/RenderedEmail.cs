namespace EventHub.Core.Email;

/// <summary>A composed body: the HTML rendered from a Razor component, and its plain-text part.</summary>
public sealed record RenderedEmail(string Html, string Text);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An email a use case wants sent. <see cref="CorrelationKey"/> names the intention (e.g. invitation:{id}:initial) and is unique.</summary>
public sealed record EmailToQueue(
    string CorrelationKey,
    string ToAddress,
    string? ToName,
    string Subject,
    RenderedEmail Body,
    Guid? EventId = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);
