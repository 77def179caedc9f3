using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EventHub.TestSupport;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port. It records what it receives and can be told to answer
/// a recipient with a temporary (4xx) or permanent (5xx) refusal, as a relay would.
/// With <c>parseMessages: false</c> it only counts what it accepts (<see cref="Received"/>) and keeps no messages: benchmarks use
/// that, so that the sink's own MIME parsing does not share the CPU with the sender being measured.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task serverTask;
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly ConcurrentDictionary<string, (int Code, string Text)> refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim arrived = new(0);
    private readonly bool parseMessages;
    private int sessions;
    private int received;

    public SmtpSink(bool parseMessages = true)
    {
        this.parseMessages = parseMessages;
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        serverTask = server.StartAsync(stop.Token);
    }

    public int Port { get; }
    public string Host => "127.0.0.1";

    /// <summary>How many SMTP connections were opened: the dispatcher should reuse one.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public IReadOnlyList<MimeMessage> Messages => messages.ToArray();

    /// <summary>How many messages were accepted (answered 250), parsed or not.</summary>
    public int Received => Volatile.Read(ref received);

    /// <summary>Answer DATA for this recipient with the given code (e.g. 451 or 550) until <see cref="Accept"/>.</summary>
    public void Refuse(string recipient, int code, string text) => refusals[recipient] = (code, text);

    public void Accept(string recipient) => refusals.TryRemove(recipient, out _);

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} messages over SMTP, received {messages.Count} within {timeout}.");
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }

        return Messages;
    }

    /// <summary>Waits for a message to this address and returns it.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string recipient, TimeSpan timeout, Func<MimeMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = messages.FirstOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email to {recipient} arrived over SMTP within {timeout}.");
            }

            await arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await serverTask;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            foreach (var to in transaction.To)
            {
                if (sink.refusals.TryGetValue($"{to.User}@{to.Host}", out var refusal))
                {
                    return new SmtpResponse((SmtpReplyCode)refusal.Code, refusal.Text);
                }
            }

            Interlocked.Increment(ref sink.received);
            if (!sink.parseMessages)
            {
                return SmtpResponse.Ok;
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink.messages.Enqueue(message);
            sink.arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
