using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Common;

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
