namespace EventHub.Core.Email;

/// <summary>Hands finished messages to the outside world. Chosen by <see cref="EmailOptions.Transport"/>, never by the environment's name.</summary>
public interface IEmailTransport
{
    /// <summary>Opens a session that sends many messages over one connection.</summary>
    Task<IEmailTransportSession> OpenSessionAsync(CancellationToken ct);
}
