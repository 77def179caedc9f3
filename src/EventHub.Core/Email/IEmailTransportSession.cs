using MimeKit;

namespace EventHub.Core.Email;

public interface IEmailTransportSession : IAsyncDisposable
{
    Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken ct);
}
