using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>
/// A name as organisers write it, split before it is indexed: "MEP Michael Gahler (DE), EPP Group Coordinator for Foreign
/// Affairs" is the name "Michael Gahler", the title "MEP", the country DE and the position after the comma; "Dr. Anna Kis"
/// is "Anna Kis". Post-nominal letters ("PhD", "MBA") are dropped.
/// </summary>
internal sealed record PersonName(string Name, List<Token> Words, string? Titles, string? Country, string? Position)
{
    private static readonly HashSet<string> PostNominals = new(
        ["phd", "ph", "d", "md", "mba", "ma", "msc", "ba", "bsc", "llm", "lld", "obe", "mbe", "cbe", "kcmg", "jr", "sr", "esq", "dphil", "mp", "mep"],
        StringComparer.Ordinal);

    public static PersonName Parse(string written)
    {
        var text = written.Trim();
        string? position = null;
        string? country = null;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            var after = text[(comma + 1)..].Trim();
            text = text[..comma].Trim();
            var afterWords = AttributionText.Words(after);
            if (afterWords.Count > 0 && !afterWords.All(w => PostNominals.Contains(w.Folded)))
            {
                position = after;
            }
            else if (afterWords.Any(w => w.Folded is "mp" or "mep"))
            {
                position = after;
            }
        }

        // "(DE)", "(Hungary)": a country beside the name; anything else in brackets says what they do.
        while (text.LastIndexOf('(') is var open and >= 0 && text.IndexOf(')', open) is var close and > 0)
        {
            var inside = text[(open + 1)..close].Trim();
            var code = AttributionData.Countries.Resolve(inside);
            if (code is not null)
            {
                country ??= code;
            }
            else if (inside.Length > 0)
            {
                position = position is null ? inside : $"{inside}, {position}";
            }

            text = (text[..open] + text[(close + 1)..]).Trim();
        }

        var words = AttributionText.Words(text);
        var titles = new List<string>();
        var skip = 0;
        while (skip < words.Count - 1)
        {
            var folded = words[skip].Folded;
            if (folded is "h" && words[skip + 1].Folded == "e" && skip + 2 < words.Count)
            {
                skip += 2; // "H.E."
                continue;
            }

            if (!AttributionWords.Titles.Contains(folded))
            {
                break;
            }

            if (AttributionWords.AffiliationTitles.Contains(folded) || folded is "prof" or "professor")
            {
                titles.Add(text.Substring(words[skip].Start, words[skip].Length));
            }

            skip++;
        }

        var end = words.Count;
        while (end > skip + 1 && PostNominals.Contains(words[end - 1].Folded) && words[end - 1].Shape != TokenShape.Capitalised)
        {
            if (words[end - 1].Folded is "mp" or "mep")
            {
                titles.Add(text.Substring(words[end - 1].Start, words[end - 1].Length));
            }

            end--;
        }

        var kept = words.Skip(skip).Take(end - skip).ToList();
        var name = kept.Count == 0 ? text : text[kept[0].Start..(kept[^1].Start + kept[^1].Length)];
        return new PersonName(name, kept, titles.Count == 0 ? null : string.Join(' ', titles), country, position);
    }
}
