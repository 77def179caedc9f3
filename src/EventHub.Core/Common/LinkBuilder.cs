namespace EventHub.Core.Common;

/// <summary>Builds absolute links for emails from <see cref="AppOptions.PublicBaseUrl"/>.</summary>
public sealed class LinkBuilder(Microsoft.Extensions.Options.IOptions<AppOptions> options)
{
    public string Absolute(string relativePath) => options.Value.PublicBaseUrl.TrimEnd('/') + "/" + relativePath.TrimStart('/');
}
