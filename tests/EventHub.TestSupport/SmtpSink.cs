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
/// For benchmarks: with <c>parseMessages: false</c> it only counts what it accepts (<see cref="Received"/>) and keeps no messages,
/// so that its own MIME parsing does not share the CPU with the sender being measured. With <c>promptAcks</c> (the default) it
/// answers without Nagle's delay and acknowledges every read at once (see <see cref="PromptListener"/>), as a relay on a fast
/// network does, and keeps a session open for an hour instead of SmtpServer's two minutes; with <c>promptAcks: false</c> each
/// SMTP step waits for a 40 ms delayed ACK on loopback (SmtpServer's own listener), which made a test of 1,000 emails take 100 s.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task serverTask;
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly ConcurrentDictionary<string, (int Code, string Text)> refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim arrived = new(0);
    private readonly bool parseMessages;
    private readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int holdAfter = int.MaxValue;
    private int started;
    private int sessions;
    private int received;

    /// <param name="port">A given port, e.g. to bring a relay "back" where the app expects it; a free one by default.</param>
    public SmtpSink(bool parseMessages = true, bool promptAcks = true, int? port = null)
    {
        this.parseMessages = parseMessages;
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (promptAcks)
                {
                    b.SessionTimeout(TimeSpan.FromHours(1));
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (promptAcks)
        {
            services.Add((SmtpServer.Net.IEndpointListenerFactory)new PromptListenerFactory());
        }
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        serverTask = server.StartAsync(stop.Token);
    }

    public int Port { get; }
    public string Host => "127.0.0.1";

    /// <summary>
    /// Accept <paramref name="count"/> messages, then leave the next one unanswered (its DATA gets no reply) until
    /// <see cref="ReleaseHold"/>, as a relay that hangs does. <see cref="Holding"/> completes when a message is held: the sender is
    /// then known to be in the middle of a send, which is where the fault tests kill it.
    /// </summary>
    public void HoldAfter(int count) => Volatile.Write(ref holdAfter, count);

    /// <summary>Completes when a message is being held (see <see cref="HoldAfter"/>).</summary>
    public Task Holding => holding.Task;

    /// <summary>Ends the hold: held messages are accepted (the relay had them whole) and nothing more is held.</summary>
    public void ReleaseHold()
    {
        Volatile.Write(ref holdAfter, int.MaxValue);
        release.TrySetResult();
    }

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
        release.TrySetResult();
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

            if (Interlocked.Increment(ref sink.started) > Volatile.Read(ref sink.holdAfter))
            {
                sink.holding.TrySetResult();
                await sink.release.Task;
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

    private sealed class PromptListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new PromptListener(listener);
        }
    }

    /// <summary>
    /// On loopback every SMTP step is a small write, so Nagle's algorithm on one side and a 40 ms delayed ACK on the other cost
    /// 40 ms a step: the server's replies go out without Nagle (NoDelay), and what it reads is acknowledged at once
    /// (<see cref="QuickAckStream"/>); MailKit's client writes the body and the final dot separately, which otherwise waits for that ACK.
    /// </summary>
    private sealed class PromptListener(TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties.Add(SmtpServer.Net.EndpointListener.LocalEndPointKey, listener.LocalEndpoint);
            context.Properties.Add(SmtpServer.Net.EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint);
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>A plain (never upgraded) duplex pipe over the accepted connection.</summary>
    private sealed class PlainPipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        private readonly QuickAckStream stream = new(client);

        public System.IO.Pipelines.PipeReader Input => field ??= System.IO.Pipelines.PipeReader.Create(stream);
        public System.IO.Pipelines.PipeWriter Output => field ??= System.IO.Pipelines.PipeWriter.Create(stream);
        public bool IsSecure => false;
        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default)
            => throw new NotSupportedException("The sink does not offer STARTTLS.");

        public void Dispose() => client.Dispose();
    }

    /// <summary>
    /// Acknowledges what it reads at once (Linux TCP_QUICKACK, re-armed before every read, as the kernel clears it), as a relay
    /// on a fast network effectively does, instead of delaying the ACK by 40 ms.
    /// </summary>
    private sealed class QuickAckStream(TcpClient client) : Stream
    {
        private const int TcpQuickAck = 12;
        private readonly NetworkStream inner = client.GetStream();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            QuickAck();
            var read = await inner.ReadAsync(buffer, cancellationToken);
            QuickAck();
            return read;
        }

        private void QuickAck()
        {
            if (OperatingSystem.IsLinux())
            {
                try
                {
                    client.Client.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpQuickAck, BitConverter.GetBytes(1));
                }
                catch (SocketException)
                {
                    // Closed meanwhile; the read reports it.
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override void Flush() => inner.Flush();
        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
