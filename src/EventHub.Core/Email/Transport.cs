using MimeKit;

namespace EventHub.Core.Email;

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Try again later: an SMTP 4xx answer, or the relay could not be reached.</summary>
    TemporaryFailure,

    /// <summary>Do not try again: an SMTP 5xx answer.</summary>
    PermanentFailure,
}

public readonly record struct DeliveryResult(DeliveryOutcome Outcome, string? ServerReply = null, bool ConnectionLost = false)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);
}

/// <summary>Hands finished messages to the outside world. Chosen by <see cref="EmailOptions.Transport"/>, never by the environment's name.</summary>
public interface IEmailTransport
{
    /// <summary>Opens a session that sends many messages over one connection.</summary>
    Task<IEmailTransportSession> OpenSessionAsync(CancellationToken ct);
}

public interface IEmailTransportSession : IAsyncDisposable
{
    Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken ct);
}
