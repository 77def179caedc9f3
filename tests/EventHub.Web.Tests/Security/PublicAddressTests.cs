using EventHub.Core.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Where email links start: App:PublicBaseUrl, required outside Development; in Development without it, the address the
/// server is bound to (a wildcard read as localhost) — never a request's Host.
/// </summary>
public sealed class PublicAddressTests
{
    [Fact]
    public void Outside_development_the_app_refuses_to_start_without_a_public_address_and_names_the_key()
    {
        var production = new AppOptionsValidator(new Environment(Environments.Production));

        var missing = production.Validate(null, new AppOptions());
        var relative = production.Validate(null, new AppOptions { PublicBaseUrl = "eventhub.example.org" });

        Assert.True(missing.Failed);
        Assert.Contains("App:PublicBaseUrl must be set", missing.FailureMessage);
        Assert.True(relative.Failed);
        Assert.Contains("absolute http(s) address", relative.FailureMessage);
        Assert.True(production.Validate(null, new AppOptions { PublicBaseUrl = "https://eventhub.example.org" }).Succeeded);
        Assert.True(new AppOptionsValidator(new Environment(Environments.Development)).Validate(null, new AppOptions()).Succeeded);
    }

    [Theory]
    [InlineData("http://[::]:8080", "http://localhost:8080/Account/Login")]
    [InlineData("http://0.0.0.0:5145", "http://localhost:5145/Account/Login")]
    [InlineData("http://+:5000", "http://localhost:5000/Account/Login")]
    [InlineData("http://127.0.0.1:5145", "http://127.0.0.1:5145/Account/Login")]
    public void In_development_without_a_public_address_links_follow_the_bound_address(string bound, string expected)
    {
        var links = new LinkBuilder(Options.Create(new AppOptions()), [new BoundServer(bound)]);

        Assert.Equal(expected, links.Absolute("Account/Login"));
        Assert.Equal("https://eventhub.example.org/Account/Login?code=a%2Bb",
            new LinkBuilder(Options.Create(new AppOptions { PublicBaseUrl = "https://eventhub.example.org" }), [new BoundServer(bound)])
                .Absolute("Account/Login", new Dictionary<string, string?> { ["code"] = "a+b", ["returnUrl"] = null }));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "EventHub";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class BoundServer : IServer
    {
        public BoundServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
