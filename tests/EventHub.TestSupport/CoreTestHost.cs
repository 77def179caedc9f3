using EventHub.Core;
using EventHub.Core.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.TestSupport;

/// <summary>
/// EventHub's real Core composition (AddEventHubCore) on a test database, with a fake clock and no Hangfire server:
/// tests run jobs themselves, so nothing runs behind their back.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly IHost host;

    private CoreTestHost(IHost host, FakeTimeProvider clock, string contentRoot)
    {
        this.host = host;
        Clock = clock;
        ContentRoot = contentRoot;
    }

    public IServiceProvider Services => host.Services;
    public FakeTimeProvider Clock { get; }
    public string ContentRoot { get; }
    public RecordingDispatchTrigger Trigger => (RecordingDispatchTrigger)Services.GetRequiredService<IOutboxDispatchTrigger>();

    public static CoreTestHost Create(TestDatabase database, IDictionary<string, string?>? settings = null, DateTimeOffset? now = null, Action<IServiceCollection>? services = null)
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "eventhub-tests", "root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(contentRoot);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = contentRoot,
        });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Jobs:RunServer"] = "false",
            ["App:PublicBaseUrl"] = "http://eventhub.test",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IOutboxDispatchTrigger, RecordingDispatchTrigger>();
        builder.Services.AddLogging();
        builder.AddEventHubCore();
        // The real password and lockout policy, as the web host registers it.
        builder.Services.AddEventHubIdentity();
        builder.Services.AddDataProtection();
        builder.Services.AddAuthorizationCore();
        // Recurring registrations need Hangfire's storage; tests that want jobs call them directly.
        var registration = builder.Services.Single(d => d.ImplementationType == typeof(Core.Jobs.RecurringJobs));
        builder.Services.Remove(registration);
        // Last: a test may replace a service (e.g. a fake for a part its subject does not depend on).
        services?.Invoke(builder.Services);
        return new CoreTestHost(builder.Build(), clock, contentRoot);
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    private AsyncServiceScope? testScope;

    /// <summary>One scope for the whole test, for resolving scoped use cases directly.</summary>
    public IServiceProvider Scoped => (testScope ??= Services.CreateAsyncScope()).ServiceProvider;

    public async ValueTask DisposeAsync()
    {
        if (testScope is { } scope)
        {
            await scope.DisposeAsync();
        }

        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}

/// <summary>Counts the prompt-dispatch requests that commits make.</summary>
public sealed class RecordingDispatchTrigger : IOutboxDispatchTrigger
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Trigger() => Interlocked.Increment(ref count);
}
