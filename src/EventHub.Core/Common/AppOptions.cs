using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Common;

public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The address people use to reach EventHub. Every link in every email starts with it, never with the Host header of the
    /// request that caused the email (a forged Host would otherwise put an attacker's address into a password-reset link).
    /// Required outside Development; in Development, when unset, links follow the address the app listens on.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The installation's name, shown in page titles and emails.</summary>
    public string Name { get; init; } = "EventHub";
}

/// <summary>Refuses to start without a usable <see cref="AppOptions.PublicBaseUrl"/> outside Development.</summary>
public sealed class AppOptionsValidator(IHostEnvironment environment) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("App:PublicBaseUrl must be set to the address people use (e.g. https://eventhub.example.org): links in emails are built from it.");
        }

        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"App:PublicBaseUrl must be an absolute http(s) address, not '{options.PublicBaseUrl}'.");
    }
}

/// <summary>
/// Builds absolute links for emails from <see cref="AppOptions.PublicBaseUrl"/> (in Development without it: from the address
/// the server is bound to). Never from the current request.
/// </summary>
public sealed class LinkBuilder(IOptions<AppOptions> options, IEnumerable<IServer> servers)
{
    public string Absolute(string relativePath) => BaseUrl().TrimEnd('/') + "/" + relativePath.TrimStart('/');

    /// <summary>An absolute link with query parameters (each value escaped once; null values left out).</summary>
    public string Absolute(string relativePath, IEnumerable<KeyValuePair<string, string?>> query)
        => QueryHelpers.AddQueryString(Absolute(relativePath), query.Where(p => p.Value is not null));

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl;
        }

        // Development only (the validator refuses the gap elsewhere): the first bound address, a wildcard host read as localhost.
        var addresses = servers.FirstOrDefault()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return "http://localhost:5145";
        }

        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri.GetLeftPart(UriPartial.Authority);
    }
}
