using EventHub.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Localization;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Microsoft.Extensions.Localization over the .resx files beside <see cref="PublicText"/>, <see cref="StaffText"/> and
    /// <see cref="PlainWords"/>, with a factory that can also pin a culture (emails) and show the pseudo-locale.
    /// </summary>
    public static IServiceCollection AddEventHubLanguages(this IServiceCollection services)
    {
        services.AddValidatedOptions<LanguageOptions>(LanguageOptions.SectionName);
        services.AddSingleton<ResourceTextLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<ResourceTextLocalizerFactory>());
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<Translations>();
        services.AddSingleton<PersonalLanguage>();
        return services;
    }
}
