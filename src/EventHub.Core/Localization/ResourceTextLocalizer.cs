using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Localization;

/// <summary>
/// An <see cref="IStringLocalizer"/> over a .resx resource. Unlike the stock one it can be pinned to a culture: an email
/// is written in its recipient's language, whatever the culture of the thread that queues it. Unpinned (pages), it reads
/// the request's UI culture as the stock localizer does.
/// </summary>
public sealed class ResourceTextLocalizer(ResourceManager resources, CultureInfo? pinned, bool pseudo) : IStringLocalizer
{
    /// <summary>Resource names with this prefix are date and time patterns: never pseudo-transformed.</summary>
    public const string PatternPrefix = "Pattern.";

    public CultureInfo Culture => pinned ?? CultureInfo.CurrentUICulture;

    public LocalizedString this[string name]
    {
        get
        {
            var value = Lookup(name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(Languages.Culture(Languages.CodeOf(Culture)), format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            yield break;
        }

        foreach (System.Collections.DictionaryEntry entry in set)
        {
            yield return this[(string)entry.Key];
        }
    }

    private string? Lookup(string name)
    {
        var culture = Culture;
        if (pseudo || PseudoLocale.Is(culture))
        {
            var english = resources.GetString(name, CultureInfo.InvariantCulture);
            return english is null || name.StartsWith(PatternPrefix, StringComparison.Ordinal) ? english : PseudoLocale.Transform(english);
        }

        return resources.GetString(name, culture);
    }
}

/// <summary>Creates <see cref="ResourceTextLocalizer"/>s: the app's <see cref="IStringLocalizerFactory"/>.</summary>
public sealed class ResourceTextLocalizerFactory(Microsoft.Extensions.Options.IOptions<LanguageOptions> options) : IStringLocalizerFactory
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ResourceManager> managers = new();

    public bool Pseudo => options.Value.Pseudo;

    public IStringLocalizer Create(Type resourceSource) => new ResourceTextLocalizer(Manager(resourceSource), null, Pseudo);

    public IStringLocalizer Create(string baseName, string location)
        => new ResourceTextLocalizer(new ResourceManager(baseName, System.Reflection.Assembly.Load(location)), null, Pseudo);

    /// <summary>A localizer that always answers in <paramref name="culture"/>.</summary>
    public IStringLocalizer Create(Type resourceSource, CultureInfo culture) => new ResourceTextLocalizer(Manager(resourceSource), culture, Pseudo);

    private ResourceManager Manager(Type type) => managers.GetOrAdd(type, t => new ResourceManager(t.FullName!, t.Assembly));
}
