using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Common;

public static class ValidatedOptions
{
    /// <summary>
    /// Options bound from the configuration section <paramref name="sectionName"/>, checked by their data annotations when
    /// the app starts: a bad configuration stops the app at once with a message naming the key, not at the first request.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string sectionName) where T : class
        => services.AddOptions<T>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
