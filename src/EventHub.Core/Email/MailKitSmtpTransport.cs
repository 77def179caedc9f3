using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventHub.Core.Email;

/// <summary>Sends over SMTP with MailKit, reusing one connection for a whole session and reconnecting after a broken one.</summary>
public sealed class MailKitSmtpTransport(IOptions<SmtpOptions> options, ILogger<MailKitSmtpTransport> logger) : IEmailTransport
{
    public Task<IEmailTransportSession> OpenSessionAsync(CancellationToken ct)
        => Task.FromResult<IEmailTransportSession>(new Session(options.Value, logger));

    private sealed class Session(SmtpOptions options, ILogger logger) : IEmailTransportSession
    {
        private readonly SmtpClient client = new() { Timeout = options.TimeoutSeconds * 1000 };

        public async Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await EnsureConnectedAsync(ct);
                var reply = await client.SendAsync(message, ct);
                return new DeliveryResult(DeliveryOutcome.Delivered, reply);
            }
            catch (SmtpCommandException ex)
            {
                var code = (int)ex.StatusCode;
                var reply = $"{code} {ex.Message}".Trim();
                logger.LogWarning("SMTP refused {MessageId}: {Reply}", message.MessageId, reply);
                return new DeliveryResult(code is >= 400 and < 500 ? DeliveryOutcome.TemporaryFailure : DeliveryOutcome.PermanentFailure, reply);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException)
            {
                // The connection is unusable: drop it and let the message be retried; the next send reconnects.
                logger.LogWarning(ex, "SMTP connection to {Host}:{Port} failed", options.Host, options.Port);
                await DisconnectQuietlyAsync();
                return new DeliveryResult(DeliveryOutcome.TemporaryFailure, $"Connection to {options.Host}:{options.Port} failed: {ex.Message}", ConnectionLost: true);
            }
        }

        private async Task EnsureConnectedAsync(CancellationToken ct)
        {
            if (client.IsConnected)
            {
                return;
            }

            // Nagle's algorithm with a relay that delays its ACKs holds each message about 40 ms (README, Performance): send at once.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, options.Host, options.Port, options.Security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            }
        }

        private async Task DisconnectQuietlyAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: false);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ObjectDisposedException)
            {
                // Already broken; nothing more to close.
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                logger.LogDebug(ex, "SMTP QUIT failed");
            }

            client.Dispose();
        }
    }
}
