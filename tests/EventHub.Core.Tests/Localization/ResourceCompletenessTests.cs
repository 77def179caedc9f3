using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using EventHub.Core.Localization;

namespace EventHub.Core.Tests.Localization;

/// <summary>Every text in the resources has a French and a German version, using no placeholder the English does not have.</summary>
public sealed partial class ResourceCompletenessTests
{
    public static TheoryData<Type> Resources => [typeof(PublicText), typeof(StaffText), typeof(PlainWords)];

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_has_a_French_and_a_German_value_and_no_placeholder_the_English_lacks(Type resource)
    {
        var manager = new ResourceManager(resource.FullName!, resource.Assembly);
        var english = Entries(manager, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);
        var problems = new List<string>();
        foreach (var language in Languages.Supported.Where(l => l != Languages.English))
        {
            var translated = Entries(manager, CultureInfo.GetCultureInfo(language));
            foreach (var (key, value) in english)
            {
                if (!translated.TryGetValue(key, out var other) || string.IsNullOrWhiteSpace(other))
                {
                    problems.Add($"{resource.Name}.{language}.resx has no value for “{key}”");
                }
                else if (!Placeholders(other).IsSubsetOf(Placeholders(value)))
                {
                    problems.Add($"{resource.Name}.{language}.resx: “{key}” has placeholders {string.Join(" ", Placeholders(other))}, the English {string.Join(" ", Placeholders(value))}");
                }
            }

            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{resource.Name}.{language}.resx has “{k}”, which the English resource does not"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_value_of_every_enum_shown_has_a_plain_word_that_is_not_its_code_name()
    {
        var words = new ResourceManager(typeof(PlainWords).FullName!, typeof(PlainWords).Assembly);
        var missing = PlainWords.Shown.SelectMany(type => Enum.GetValues(type).Cast<Enum>())
            .Where(value => words.GetString(PlainWords.Key(value), CultureInfo.InvariantCulture) is not { } word
                            || (word == value.ToString() && Regex.IsMatch(word, "[a-z][A-Z]")))
            .Select(PlainWords.Key)
            .ToList();

        Assert.True(missing.Count == 0, "No plain word for: " + string.Join(", ", missing));
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
