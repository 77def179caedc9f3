using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace EventHub.EndToEnd.ScaleOut;

/// <summary>
/// The load balancer in front of the nodes: YARP with cookie session affinity, as an ingress with cookie affinity does in
/// production. Blazor Server needs it: a circuit lives in one node's memory.
/// </summary>
public sealed class StickyProxy : IAsyncDisposable
{
    public const string AffinityCookie = "EventHub.Node";

    private readonly WebApplication app;

    private StickyProxy(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static async Task<StickyProxy> StartAsync(int port, params NodeProcess[] nodes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "eventhub", ClusterId = "nodes", Match = new RouteMatch { Path = "{**catch-all}" } }],
            [
                new ClusterConfig
                {
                    ClusterId = "nodes",
                    LoadBalancingPolicy = "RoundRobin",
                    SessionAffinity = new SessionAffinityConfig { Enabled = true, Policy = "Cookie", AffinityKeyName = AffinityCookie },
                    Destinations = nodes.ToDictionary(n => n.Name, n => new DestinationConfig { Address = n.BaseUrl }),
                },
            ]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new StickyProxy(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
