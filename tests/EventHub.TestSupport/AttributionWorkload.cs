using System.Text;
using EventHub.Core.Attribution;
using EventHub.Core.Data;

namespace EventHub.TestSupport;

/// <summary>A large, deterministic draft and participant list for timing the non-attribution check.</summary>
public static class AttributionWorkload
{
    private static readonly string[] FirstNames =
    [
        "Anna", "Jonas", "Zoë", "Łukasz", "Mihai", "Inès", "Søren", "Aigerim", "Farrukh", "Elena", "Pieter", "Chiara", "Tomás",
        "Katarzyna", "Jürgen", "Aurélie", "Dilnoza", "Henrik", "Marta", "Olivia",
    ];

    private static readonly string[] Surnames =
    [
        "Müller", "Nowak", "Dubois", "Rossi", "Kowalski", "Lindqvist", "Sadykova", "Karimov", "Popescu", "de Vries", "Fernández",
        "Janssens", "O'Brien", "Zieliński", "Marković", "Öztürk", "Hoffmann", "Lefèvre", "Nazarov", "Aliyeva", "Young", "Long",
    ];

    private static readonly string[] Positions =
    [
        "Policy Officer", "Senior Fellow", "Researcher", "Deputy Head of Division", "Ambassador", "Programme Manager",
        "Political Adviser", "Analyst", "Professor of International Relations", "Desk Officer",
    ];

    private static readonly string[] Filler =
    [
        "The", "discussion", "turned", "to", "the", "role", "of", "regional", "security", "mechanisms", "in", "Central", "Asia",
        "and", "whether", "Europe", "can", "offer", "a", "credible", "alternative", "to", "Chinese", "and", "Russian",
        "engagement.", "Participants", "noted", "that", "water", "energy", "and", "connectivity", "remain", "central", "while",
        "the", "general", "population", "may", "not", "benefit", "from", "large", "investments.", "It", "will", "take", "a",
        "long", "time", "to", "build", "trust", "with", "young", "people", "across", "the", "region.",
    ];

    public static (string Draft, AttributionContext Context) Create(int words, int participants)
    {
        var random = new Random(20220629);
        var organisations = Enumerable.Range(0, Math.Max(1, participants / 10))
            .Select(i => new AttributionOrganisation($"Institute {Letters(i)} for Security Studies", $"I{Letters(i)}SS", [$"{Letters(i)} Institute"], (Sector)(i % 9)))
            .ToList();
        var people = Enumerable.Range(0, participants)
            .Select(i => new AttributionParticipant(
                $"{FirstNames[i % FirstNames.Length]} {Surnames[(i / FirstNames.Length) % Surnames.Length]}{(i >= FirstNames.Length * Surnames.Length ? $"-{Letters(i)}" : "")}",
                organisations[i % organisations.Count].Name,
                Positions[i % Positions.Length],
                (ParticipantRole)(i % 5)))
            .ToList();
        var onRecord = people.Take(20).Select(p => new OnRecordPermission(p.Name, ConsentScope.NameOnly, [])).ToList();

        var draft = new StringBuilder("# Report\n\n## Discussion\n\n");
        for (var w = 0; w < words; w++)
        {
            if (w % 250 == 125)
            {
                var person = people[random.Next(people.Count)];
                draft.Append(person.Name).Append(" argued, as an official from the ")
                    .Append(organisations[random.Next(organisations.Count)].Acronym).Append(", that ");
                w += 8;
            }
            else
            {
                draft.Append(Filler[w % Filler.Length]).Append(' ');
            }

            if (w % 120 == 119)
            {
                draft.Append("\n\n");
            }
        }

        return (draft.ToString(), new AttributionContext(people, organisations, onRecord));
    }

    private static string Letters(int i) => string.Concat(i.ToString().Select(c => (char)('A' + (c - '0'))));
}
