using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventHub.Core.Email;

/// <summary>Writes each message as an .eml file: the embedded default, so that a newcomer's app sends nothing out.</summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public Task<IEmailTransportSession> OpenSessionAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IEmailTransportSession>(new Session(Directory));
    }

    /// <summary>The file a message was (or will be) written to: its name comes from the stable Message-ID.</summary>
    public static string FileNameFor(string messageId) => string.Concat(messageId.Split(Path.GetInvalidFileNameChars())) + ".eml";

    private sealed class Session(string directory) : IEmailTransportSession
    {
        public async Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken ct)
        {
            var path = Path.Combine(directory, FileNameFor(message.MessageId ?? Guid.NewGuid().ToString("N")));
            var temp = path + ".tmp";
            try
            {
                await message.WriteToAsync(temp, ct);
                File.Move(temp, path, overwrite: true);
                return new DeliveryResult(DeliveryOutcome.Delivered, path);
            }
            catch (IOException ex)
            {
                return new DeliveryResult(DeliveryOutcome.TemporaryFailure, $"Could not write {path}: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                return new DeliveryResult(DeliveryOutcome.TemporaryFailure, $"Could not write {path}: {ex.Message}");
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
