using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Hosting;

/// <summary>
/// X-Forwarded-For/-Proto from the reverse proxy in front of the app, and only from it: a client that reaches the app
/// directly cannot choose its own address (and so its rate-limit partition) or make a plain request look like HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Read X-Forwarded-For and X-Forwarded-Proto at all. Off by default (the app faces the browser itself).</summary>
    public bool Enabled { get; init; }

    /// <summary>Addresses of the proxies whose forwarded headers are believed (e.g. 10.0.0.5).</summary>
    public string[] KnownProxies { get; init; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. 10.244.0.0/16 for an ingress controller's pods).</summary>
    public string[] KnownNetworks { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && KnownProxies.Length == 0 && KnownNetworks.Length == 0)
        {
            yield return new ValidationResult("ForwardedHeaders:Enabled is true but neither ForwardedHeaders:KnownProxies nor ForwardedHeaders:KnownNetworks names the proxy: name it, so that only it may set the client's address.");
        }

        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
        }
    }
}

public static class ForwardedHeadersSetup
{
    public static void AddEventHubForwardedHeaders(this WebApplicationBuilder builder)
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED makes ASP.NET Core trust forwarded headers from *any* sender: refuse it.
        if (builder.Configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            throw new InvalidOperationException("ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-For from every client. Remove it and set ForwardedHeaders:Enabled with ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks instead.");
        }

        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the configuration names is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static void UseEventHubForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }
    }
}
