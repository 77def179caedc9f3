namespace EventHub.Core.Attribution;

/// <summary>Folded word sequences to countries: "dutch" → NL, "the netherlands" → NL, "budapest" → HU.</summary>
internal sealed class CountryTable
{
    public HashSet<string> Codes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<CountryEntry>> ByFirstWord { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> byWhole = new(StringComparer.Ordinal);

    public void Add(string text, string code, CountryForm form)
    {
        var words = AttributionText.Words(text).Select(w => w.Folded).ToArray();
        if (words.Length > 1 && words[0] == "the")
        {
            words = words[1..];
        }

        if (words.Length == 0)
        {
            return;
        }

        var entry = new CountryEntry(words, code, form);
        if (!ByFirstWord.TryGetValue(words[0], out var list))
        {
            list = [];
            ByFirstWord[words[0]] = list;
        }

        if (!list.Any(e => (e.Code == code || e.Form == form) && e.Words.SequenceEqual(words)))
        {
            list.Add(entry);
        }

        byWhole.TryAdd(string.Join(' ', words), code);
    }

    /// <summary>The country a free-text value means: "HU", "HUN"-less codes, "Hungary", "Hungarian", "the Netherlands".</summary>
    public string? Resolve(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 2 && Codes.Contains(trimmed.ToUpperInvariant()))
        {
            return trimmed.ToUpperInvariant();
        }

        if (trimmed.Equals("UK", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("EL", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.Equals("UK", StringComparison.OrdinalIgnoreCase) ? "GB" : "GR";
        }

        var key = string.Join(' ', AttributionText.Words(trimmed).Select(w => w.Folded).SkipWhile(w => w == "the"));
        return byWhole.GetValueOrDefault(key);
    }
}
