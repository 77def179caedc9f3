using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide: the last host to configure Hangfire sets it. When that host stops, its
/// LoggerFactory is disposed, and every Hangfire object created afterwards in another host of the same process (a recurring
/// job manager at start, a job client) failed on its first logger with ObjectDisposedException, which stopped that host's
/// start. This provider logs to the host's LoggerFactory as Hangfire's own does, and falls silent once it is disposed.
/// With one host per process, as in production, nothing changes.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
