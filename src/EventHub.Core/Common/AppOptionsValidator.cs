using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Common;

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
