using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>Dictionaries from folded words to the people and organisations they could point to: built once per check.</summary>
internal sealed class AttributionIndex
{
    public Dictionary<string, List<NameEntry>> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<OrganisationEntry>> OrganisationNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Acronyms as written ("EEAS", "NATO"): matched case-sensitively.</summary>
    public Dictionary<string, List<IndexedOrganisation>> Acronyms { get; } = new(StringComparer.Ordinal);

    /// <summary>Position words ("ambassador", "mep") to the people whose position holds them.</summary>
    public Dictionary<string, List<IndexedPerson>> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every word of every position and organisation: the words a description can narrow by.</summary>
    public HashSet<string> KnownTerms { get; } = new(StringComparer.Ordinal);

    public List<IndexedPerson> People { get; } = [];

    /// <summary>First names ("Eszter"): a name only as the subject of a speech verb ("Eszter argued").</summary>
    public Dictionary<string, List<IndexedPerson>> FirstNames { get; } = new(StringComparer.Ordinal);

    public List<IndexedOrganisation> AllOrganisations { get; } = [];

    /// <summary>Every concept of every organisation's names: how far a paraphrase may run.</summary>
    public HashSet<string> ConceptWords { get; } = new(StringComparer.Ordinal);

    /// <summary>A capitalised word that is in one organisation's names only and is no English word ("Bruegel", "Egmont", "Carnegie").</summary>
    public Dictionary<string, IndexedOrganisation> DistinctiveWords { get; } = new(StringComparer.Ordinal);

    /// <summary>The last word of one organisation's name only, capitalised in the text: "a Commission official", "a Parliament staffer".</summary>
    public Dictionary<string, IndexedOrganisation> HeadWords { get; } = new(StringComparer.Ordinal);

    public static AttributionIndex Build(AttributionContext context)
    {
        var index = new AttributionIndex();
        var organisations = new Dictionary<string, IndexedOrganisation>(StringComparer.Ordinal);

        IndexedOrganisation Organisation(AttributionOrganisation organisation)
        {
            var key = Key(organisation.Name);
            if (!organisations.TryGetValue(key, out var indexed))
            {
                indexed = new IndexedOrganisation { Organisation = organisation };
                organisations[key] = indexed;
                index.AddOrganisationNames(indexed);
            }

            return indexed;
        }

        foreach (var organisation in context.Organisations)
        {
            Organisation(organisation);
        }

        // A participant's organisation is found by its name, acronym or alias; one not listed is indexed by its name.
        var byAnyName = new Dictionary<string, IndexedOrganisation>(StringComparer.Ordinal);
        foreach (var organisation in organisations.Values)
        {
            foreach (var name in NamesOf(organisation.Organisation))
            {
                byAnyName.TryAdd(Key(name), organisation);
            }
        }

        var permissions = new Dictionary<string, OnRecordPermission>(StringComparer.Ordinal);
        foreach (var permission in context.OnRecord)
        {
            permissions.TryAdd(Key(StripTitles(permission.Name)), permission);
        }

        foreach (var listed in context.Participants)
        {
            var parsed = PersonName.Parse(listed.Name);
            var words = parsed.Words;

            if (words.Count == 0)
            {
                continue;
            }

            var surnameStart = words.Count - 1;
            while (surnameStart > 1 && AttributionWords.SurnameParticles.Contains(words[surnameStart - 1].Folded))
            {
                surnameStart--;
            }

            var position = string.Join(", ", new[] { parsed.Titles, listed.Position, parsed.Position }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var participant = listed with { Name = parsed.Name, Position = position.Length == 0 ? null : position };
            var person = new IndexedPerson
            {
                Participant = participant,
                Initials = words.Take(surnameStart).Select(w => w.Folded[0]).ToHashSet(),
                SurnameWord = words[^1].Folded,
                Position = participant.Position,
            };
            index.People.Add(person);

            if (!string.IsNullOrWhiteSpace(participant.OrganisationName))
            {
                var key = Key(participant.OrganisationName);
                if (!byAnyName.TryGetValue(key, out var organisation))
                {
                    organisation = Organisation(new AttributionOrganisation(participant.OrganisationName.Trim(), null, []));
                    byAnyName[key] = organisation;
                }

                person.Organisation = organisation;
                organisation.Members.Add(person);
                organisation.Terms ??= NamesOf(organisation.Organisation).SelectMany(Terms).ToHashSet(StringComparer.Ordinal);
                person.Terms.UnionWith(organisation.Terms);
            }

            if (!string.IsNullOrWhiteSpace(participant.Position))
            {
                var positionWords = Terms(participant.Position).ToList();
                person.Terms.UnionWith(positionWords);
                if (AttributionText.FoldedWords(participant.Position).Contains("member of the european parliament", StringComparison.Ordinal))
                {
                    person.Terms.Add("mep");
                }
            }

            var nameRoles = person.Organisation is null ? Roles.None : person.Organisation.NameRoles ??= AttributionVocabulary.NameRoles(NamesOf(person.Organisation.Organisation));
            person.Roles = AttributionVocabulary.RolesOf(person.Organisation?.Organisation.Sector ?? participant.Sector, nameRoles, participant.Position);
            person.Seniority = AttributionVocabulary.SeniorityOf(participant.Position);
            if (AttributionData.Countries.Resolve(participant.Country) is { } country)
            {
                person.Countries.Add(country);
            }

            if (parsed.Country is { } written)
            {
                person.Countries.Add(written);
            }

            // Someone at a ministry, an embassy or a mission is of the country in its name ("Embassy of Hungary to Belgium": Hungary).
            if ((person.Roles & (Roles.Government | Roles.Diplomacy)) != 0 && (person.Roles & (Roles.EuInstitution | Roles.International)) == 0 && person.Organisation is not null)
            {
                var first = person.Organisation.Concepts.SelectMany(c => c).FirstOrDefault(c => c.Length == 3 && c[0] == '#' && c != "#EU");
                if (first is not null)
                {
                    person.Countries.Add(first[1..]);
                }
            }

            index.KnownTerms.UnionWith(person.Terms);
            foreach (var head in HeadsOf(participant.Position))
            {
                Add(index.Positions, head, person);
            }

            if (permissions.Count > 0 && (permissions.TryGetValue(string.Join(' ', words.Select(w => w.Folded)), out var consent) || permissions.TryGetValue(Key(listed.Name), out consent)))
            {
                person.Permission = consent;
                person.PermittedSections = consent.AgendaItemTitles
                    .Where(t => !string.IsNullOrWhiteSpace(t))
                    .Select(t => AttributionText.FoldedWords(t))
                    .ToArray();
            }

            var given = words.Take(surnameStart).ToList();
            var surname = words.Skip(surnameStart).ToList();
            if (words.Count >= 2)
            {
                index.AddName(words, person, NameForm.Full);
            }

            if (given.Count >= 2)
            {
                index.AddName([given[0], .. surname], person, NameForm.FirstLast);
            }

            index.AddName(surname, person, NameForm.Surname);
            if (given.Count >= 1 && given[0].Length >= 3)
            {
                Add(index.FirstNames, given[0].Folded, person);
            }

            if (surname.Count > 1)
            {
                index.AddName([surname[^1]], person, NameForm.Surname);
            }
        }

        index.IndexDistinctiveWords();
        return index;
    }

    private void IndexDistinctiveWords()
    {
        var seen = new Dictionary<string, IndexedOrganisation?>(StringComparer.Ordinal);
        foreach (var organisation in AllOrganisations)
        {
            foreach (var name in NamesOf(organisation.Organisation))
            {
                foreach (var word in AttributionText.Words(name))
                {
                    if (word.Shape != TokenShape.Capitalised || word.Length < 4 || AttributionWords.IsOrdinary(word.Folded) || AttributionWords.Stop.Contains(word.Folded)
                        || AttributionData.Countries.ByFirstWord.ContainsKey(word.Folded) || AttributionVocabulary.Concepts([word.Folded]) is not [var concept] || concept != word.Folded
                        || GenericOrganisationWords.Contains(word.Folded))
                    {
                        continue;
                    }

                    seen[word.Folded] = seen.TryGetValue(word.Folded, out var other) && other != organisation ? null : organisation;
                }
            }
        }

        foreach (var (word, organisation) in seen)
        {
            if (organisation is not null)
            {
                DistinctiveWords[word] = organisation;
            }
        }

        var heads = new Dictionary<string, IndexedOrganisation?>(StringComparer.Ordinal);
        foreach (var organisation in AllOrganisations)
        {
            var words = AttributionText.Words(organisation.Organisation.Name);
            if (words.Count >= 2 && words[^1].Shape == TokenShape.Capitalised && words[^1].Length >= 4 && !AttributionData.Countries.ByFirstWord.ContainsKey(words[^1].Folded)
                && words[^1].Folded is not ("affairs" or "relations" or "studies" or "policy" or "security" or "development" or "international" or "staff" or "division" or "union" or "europe"))
            {
                var head = words[^1].Folded;
                heads[head] = heads.TryGetValue(head, out var other) && other != organisation ? null : organisation;
            }
        }

        foreach (var (word, organisation) in heads)
        {
            if (organisation is not null && !DistinctiveWords.ContainsKey(word))
            {
                HeadWords[word] = organisation;
            }
        }
    }

    /// <summary>Words of organisation names that are not distinctive on their own, even when capitalised.</summary>
    private static readonly HashSet<string> GenericOrganisationWords = new(
        ["european", "europe", "international", "institute", "centre", "center", "council", "foundation", "university", "ministry", "mission",
         "embassy", "studies", "policy", "security", "foreign", "affairs", "service", "division", "staff", "organization", "organisation",
         "union", "commission", "parliament", "programme", "dialogue", "development", "relations", "network", "group", "forum", "agency"],
        StringComparer.Ordinal);

    /// <summary>
    /// The words that say what someone is: in each part of the position (split at commas and brackets), the position words
    /// before the first preposition. "Policy Adviser to MEP Michael Gahler" is an adviser, not an MEP.
    /// </summary>
    private static IEnumerable<string> HeadsOf(string? position)
    {
        if (string.IsNullOrWhiteSpace(position))
        {
            yield break;
        }

        if (AttributionText.FoldedWords(position).Contains("member of the european parliament", StringComparison.Ordinal))
        {
            yield return "mep";
        }

        foreach (var part in position.Split([',', ';', '(', ')', '/', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var word in AttributionText.Words(part))
            {
                if (word.Folded is "to" or "of" or "for" or "at" or "in" or "on" or "with" or "and")
                {
                    break;
                }

                if (AttributionWords.PositionHeads.Contains(word.Folded))
                {
                    yield return word.Folded;
                }
            }
        }
    }

    /// <summary>The folded name without titles, as the on-record list and the participants list are joined.</summary>
    public static string Key(string name) => string.Join(' ', AttributionText.Words(name).Select(w => w.Folded));

    public static string StripTitles(string name)
    {
        var words = AttributionText.Words(name);
        var skip = 0;
        while (skip < words.Count - 1 && AttributionWords.Titles.Contains(words[skip].Folded))
        {
            skip++;
        }

        return skip == 0 ? name : name[words[skip].Start..];
    }

    internal static IEnumerable<string> NamesOf(AttributionOrganisation organisation)
    {
        yield return organisation.Name;
        if (!string.IsNullOrWhiteSpace(organisation.Acronym))
        {
            yield return organisation.Acronym;
        }

        foreach (var alias in organisation.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            yield return alias;
        }
    }

    private static IEnumerable<string> Terms(string text) =>
        AttributionText.Words(text).Select(w => w.Folded).Where(w => !AttributionWords.Stop.Contains(w));

    private void AddOrganisationNames(IndexedOrganisation organisation)
    {
        AllOrganisations.Add(organisation);
        foreach (var name in NamesOf(organisation.Organisation))
        {
            var words = AttributionText.Words(name);
            if (words.Count == 0)
            {
                continue;
            }

            if (name != organisation.Organisation.Acronym && words.Count > 1)
            {
                var concepts = AttributionVocabulary.Concepts(words.Select(w => w.Folded).ToList());
                if (concepts.Count >= 2)
                {
                    organisation.Concepts.Add(concepts);
                    ConceptWords.UnionWith(concepts);
                }
            }

            // An acronym ("EEAS", "KAS", "CoE") is matched as written; a name in words regardless of case and accents.
            var explicitAcronym = name == organisation.Organisation.Acronym;
            if (words.Count == 1 && (explicitAcronym || words[0].Shape == TokenShape.AllCaps || IsCapitalisedAcronym(name.Trim())))
            {
                Add(Acronyms, name.Trim(), organisation);
                continue;
            }

            foreach (var variant in Variants(words))
            {
                Add(OrganisationNames, variant[0], new OrganisationEntry(variant, organisation));
            }
        }
    }

    /// <summary>"CoE", "EUISS", "SWP": two or more capitals and no more lower case than capitals.</summary>
    private static bool IsCapitalisedAcronym(string word) =>
        word.Count(char.IsUpper) >= 2 && word.Count(char.IsLower) <= word.Count(char.IsUpper) && !word.Contains(' ');

    private void AddName(IReadOnlyList<Token> words, IndexedPerson person, NameForm form)
    {
        foreach (var variant in Variants(words))
        {
            Add(Names, variant[0], new NameEntry(variant, person, form));
        }
    }

    /// <summary>Every spelling of a sequence of words: folded, and transliterated where a word has an umlaut.</summary>
    private static IEnumerable<string[]> Variants(IReadOnlyList<Token> words)
    {
        IEnumerable<string[]> variants = [[]];
        foreach (var word in words)
        {
            var spellings = word.Alternative is null ? new[] { word.Folded } : [word.Folded, word.Alternative];
            variants = variants.SelectMany(v => spellings.Select(s => (string[])[.. v, s])).ToList();
        }

        return variants;
    }

    private static void Add<T>(Dictionary<string, List<T>> dictionary, string key, T value)
    {
        if (!dictionary.TryGetValue(key, out var list))
        {
            list = [];
            dictionary[key] = list;
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
