namespace EventHub.Core.Attribution;

/// <summary>
/// The data the check ships with, read once from embedded resources: countries with their names, demonyms and capitals
/// (world-countries, ODbL, plus <c>countries-extra.tsv</c>) and the lower-case words of an English word list (SCOWL).
/// </summary>
internal static class AttributionData
{
    private static readonly Lazy<HashSet<string>> Words = new(LoadWords);
    private static readonly Lazy<CountryTable> CountryData = new(LoadCountries);

    /// <summary>Ordinary English words (lower case in the word list): never a surname when written in lower case.</summary>
    public static HashSet<string> EnglishWords => Words.Value;

    public static CountryTable Countries => CountryData.Value;

    private static IEnumerable<string> Lines(string resource)
    {
        using var stream = typeof(AttributionData).Assembly.GetManifestResourceStream("EventHub.Attribution." + resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static HashSet<string> LoadWords() => new(Lines("english-words.txt"), StringComparer.Ordinal);

    private static CountryTable LoadCountries()
    {
        var table = new CountryTable();
        // The hand additions first, then independent countries before territories: the first country for a word wins.
        foreach (var line in Lines("countries-extra.tsv").Concat(Lines("countries.tsv")))
        {
            var cells = line.Split('\t');
            if (cells.Length < 4)
            {
                continue;
            }

            var code = cells[0].Trim();
            table.Codes.Add(code);
            foreach (var name in Split(cells[1]))
            {
                table.Add(name, code, CountryForm.Name);
            }

            foreach (var demonym in Split(cells[2]))
            {
                table.Add(demonym, code, CountryForm.Demonym);
            }

            foreach (var capital in Split(cells[3]))
            {
                // "Brussels" speaks for the EU institutions far more often than for Belgium.
                if (!NotGovernments.Contains(capital))
                {
                    table.Add(capital, code, CountryForm.Capital);
                }
            }
        }

        return table;
    }

    private static readonly HashSet<string> NotGovernments = new(StringComparer.OrdinalIgnoreCase) { "Brussels", "Amsterdam", "Victoria", "Kingston", "Georgetown" };

    private static IEnumerable<string> Split(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
