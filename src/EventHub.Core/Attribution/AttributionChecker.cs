using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>The non-attribution check: a pure function from a draft and the event's people to findings.</summary>
/// <remarks>
/// The draft is tokenized once (offsets kept, case and diacritics folded); the people and organisations become
/// dictionaries from folded words to candidates; one pass over the tokens looks each word up. The cost grows with the
/// draft's length and the number of names, not with their product.
/// </remarks>
public static partial class AttributionChecker
{
    public static IReadOnlyList<AttributionFinding> Check(string draft, AttributionContext context)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var index = AttributionIndex.Build(context);
        var text = AttributionText.Tokenize(draft);
        return new Scan(text, index, Math.Max(1, context.SmallGroupSize)).Run();
    }

    /// <summary>The smallest group any finding points to (null when there are none): "the smallest group a description in this draft points to has 1 person".</summary>
    public static int? SmallestGroup(IEnumerable<AttributionFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings.Where(f => f.Fits is not null).Select(f => f.Fits).Min();
    }

    /// <summary>Whether two spellings name the same person as the check joins them (case, diacritics and titles aside).</summary>
    public static bool SameName(string a, string b) =>
        AttributionIndex.Key(a) == AttributionIndex.Key(b) || AttributionIndex.Key(AttributionIndex.StripTitles(a)) == AttributionIndex.Key(AttributionIndex.StripTitles(b));

    /// <summary>Line and column (both from 1) of an offset in the draft, for people and editors that count lines.</summary>
    public static (int Line, int Column) LineAndColumn(string draft, int offset)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < draft.Length; i++)
        {
            if (draft[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private sealed record NameMention(int First, int NameFirst, int Last, List<IndexedPerson> People, bool AffiliationTitle);

    private sealed record OrganisationMention(int First, int Last, IndexedOrganisation Organisation, bool Describes, string? Noun, bool Source = true);

    private sealed record PositionMention(int First, int Last, List<IndexedPerson> Candidates);

    private sealed partial class Scan(TokenizedText text, AttributionIndex index, int k)
    {
        private readonly List<Token> tokens = text.Tokens;
        private readonly List<NameMention> names = [];
        private readonly List<OrganisationMention> organisations = [];
        private readonly List<PositionMention> positions = [];

        public IReadOnlyList<AttributionFinding> Run()
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var end = TryName(i) ?? TryDescription(i) ?? TryPersonDescription(i) ?? TryGovernment(i) ?? TryPosition(i) ?? TryOrganisation(i);
                i = end is { } last ? last + 1 : i + 1;
            }

            return Decide();
        }

        // ---- Names ---------------------------------------------------------------------------------------------

        private int? TryName(int i)
        {
            var t = tokens[i];
            var first = i;
            var j = i;
            var title = false;
            var affiliationTitle = false;
            if (AttributionWords.Titles.Contains(t.Folded) && t.Shape != TokenShape.Lower && j + 1 < tokens.Count && text.AdjacentAfterAbbreviation(j, j + 1))
            {
                title = true;
                affiliationTitle = AttributionWords.AffiliationTitles.Contains(t.Folded);
                j++;
            }

            var initials = new List<char>();
            while (j + 1 < tokens.Count && IsInitial(tokens[j]) && text.AdjacentAfterAbbreviation(j, j + 1) && tokens[j + 1].Sentence - tokens[j].Sentence <= 1)
            {
                initials.Add(tokens[j].Folded[0]);
                j++;
            }

            var match = LongestName(j, initials.Count > 0 || title);
            if (match is null && initials.Count > 0)
            {
                // "A" or "I" may be a word, not an initial: try again without it.
                return null;
            }

            if (match is null)
            {
                return initials.Count == 0 && !title ? TryFirstName(i) : null;
            }

            var (last, entries) = match.Value;
            if (initials.Count > 0)
            {
                entries = entries.Where(e => e.Form == NameForm.Surname && e.Person.Initials.Contains(initials[0])).ToList();
                var initialToken = tokens[j - initials.Count];
                // "A Young researcher": an initial without a period that is also a word needs a surname that is not one.
                if (!initialToken.FollowedByPeriod && initialToken.Folded is "a" or "i" && entries.Any(e => IsOrdinary(e.Person.SurnameWord)))
                {
                    entries = [];
                }
            }

            if (entries.Count == 0)
            {
                return null;
            }

            var nameTokens = Enumerable.Range(j, last - j + 1).Select(n => tokens[n]).ToList();
            var form = entries.Min(e => e.Form);
            var prefixed = title || initials.Count > 0;
            if (!Plausible(nameTokens, form, prefixed, entries[0].Person.SurnameWord))
            {
                return null;
            }

            // "Max Weber" is not Stefan Weber: a surname after another capitalised word that is no title is someone else's name.
            if (!prefixed && form == NameForm.Surname && j > 0 && text.Adjacent(j - 1, j) && tokens[j - 1].Shape == TokenShape.Capitalised
                && !AttributionWords.Titles.Contains(tokens[j - 1].Folded) && !AttributionWords.SurnameParticles.Contains(tokens[j - 1].Folded)
                && (!tokens[j - 1].SentenceStart || !IsOrdinary(tokens[j - 1].Folded)))
            {
                return null;
            }

            // "the Long March", "a Bright Future coalition": an ordinary word inside a run of capitalised words is part of a title.
            if (!prefixed && form == NameForm.Surname && nameTokens.All(w => IsOrdinary(w.Folded)) && InTitleRun(j, last))
            {
                return null;
            }

            var people = entries.Select(e => e.Person).Distinct().ToList();
            names.Add(new NameMention(first, j, last, people, affiliationTitle));
            return last;
        }

        private bool InTitleRun(int first, int last)
        {
            bool Capital(int n) => n >= 0 && n < tokens.Count && tokens[n].Shape is TokenShape.Capitalised or TokenShape.AllCaps && !tokens[n].SentenceStart
                && !AttributionWords.Determiners.Contains(tokens[n].Folded);
            return (first > 0 && text.Adjacent(first - 1, first) && Capital(first - 1)) || (last + 1 < tokens.Count && text.Adjacent(last, last + 1) && Capital(last + 1));
        }

        /// <summary>"Eszter argued": a participant's first name alone, capitalised, as the subject of a speech verb.</summary>
        private int? TryFirstName(int i)
        {
            var t = tokens[i];
            if (t.Shape != TokenShape.Capitalised || t.InHeading || IsOrdinary(t.Folded) || !index.FirstNames.TryGetValue(t.Folded, out var people)
                || (i > 0 && text.Adjacent(i - 1, i) && tokens[i - 1].Shape == TokenShape.Capitalised && !tokens[i - 1].SentenceStart)
                || (Next(i) is { } after && tokens[after].Shape == TokenShape.Capitalised)
                || !SpeechFollows(i, pastOnly: false))
            {
                return null;
            }

            names.Add(new NameMention(i, i, i, people, false));
            return i;
        }

        private static bool IsInitial(Token t) => t.Length == 1 && t.Shape == TokenShape.Capitalised && char.IsLetter(t.Folded[0]);

        private (int Last, List<NameEntry> Entries)? LongestName(int i, bool prefixed)
        {
            var t = tokens[i];
            var best = -1;
            List<NameEntry>? found = null;
            foreach (var key in Keys(t))
            {
                if (!index.Names.TryGetValue(key, out var entries))
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (!prefixed && entry.Form == NameForm.Surname && entry.Words.Length == 1 && AttributionWords.SurnameParticles.Contains(entry.Words[0]))
                    {
                        continue;
                    }

                    var last = Matches(i, entry.Words);
                    if (last < 0)
                    {
                        continue;
                    }

                    if (last > best)
                    {
                        best = last;
                        found = [entry];
                    }
                    else if (last == best)
                    {
                        found!.Add(entry);
                    }
                }
            }

            return found is null ? null : (best, found);
        }

        /// <summary>
        /// Whether folded words that spell a name are written as a name: an ordinary word ("young", "may") alone is a name
        /// only when capitalised in mid-sentence, outside a heading; a month ("May") only with a first name, title or initial.
        /// </summary>
        private static bool Plausible(List<Token> words, NameForm form, bool prefixed, string surnameWord)
        {
            var ordinary = words.All(w => IsOrdinary(w.Folded) || AttributionWords.SurnameParticles.Contains(w.Folded));
            if (!ordinary)
            {
                return true;
            }

            var main = words[^1];
            if (form != NameForm.Surname || prefixed)
            {
                // "Anna Will", "Dr. Young": a name when written as one.
                return words.Any(w => w.Shape is TokenShape.Capitalised or TokenShape.AllCaps) && main.Shape != TokenShape.Lower;
            }

            return main.Shape == TokenShape.Capitalised
                && !main.SentenceStart
                && !main.InHeading
                && !AttributionWords.AlwaysCapitalised.Contains(surnameWord)
                && (main.Length > 1);
        }

        private static bool IsOrdinary(string folded) => AttributionWords.IsOrdinary(folded);

        // ---- Descriptions: "an official from X", "a NATO official", "the EEAS argued" ------------------------------

        private int? TryDescription(int i)
        {
            var p = i;
            if (AttributionWords.Determiners.Contains(tokens[p].Folded) && Next(p) is { } afterDeterminer)
            {
                p = afterDeterminer;
            }

            // "an official from the EEAS", "a senior official of NATO", "colleagues from the ENC"
            for (var adjectives = 0; adjectives <= 2 && p + adjectives < tokens.Count; adjectives++)
            {
                var n = p + adjectives;
                if (adjectives > 0 && (tokens[n - 1].Shape != TokenShape.Lower || AttributionWords.Stop.Contains(tokens[n - 1].Folded) || !text.Adjacent(n - 1, n)))
                {
                    break;
                }

                if (!AttributionWords.PersonNouns.Contains(tokens[n].Folded))
                {
                    continue;
                }

                if (Next(n) is { } preposition && AttributionWords.AffiliationPrepositions.Contains(tokens[preposition].Folded) && Next(preposition) is { } q)
                {
                    var organisationStart = tokens[q].Folded == "the" && Next(q) is { } afterThe ? afterThe : q;
                    if (MatchOrganisation(organisationStart) is { } match)
                    {
                        organisations.Add(new OrganisationMention(i, match.Last, match.Organisation, true, tokens[n].Folded));
                        return match.Last;
                    }
                }

                break;
            }

            // "a NATO official", "the EEAS's representative", "KAS colleagues", "NATO argued"
            if (MatchOrganisation(p) is { } named && Next(named.Last) is { } after)
            {
                var noun = after;
                if (tokens[noun].Shape == TokenShape.Lower && !AttributionWords.PersonNouns.Contains(tokens[noun].Folded)
                    && !AttributionWords.SpeechVerbs.Contains(tokens[noun].Folded) && Next(noun) is { } afterAdjective)
                {
                    noun = afterAdjective;
                }

                if (AttributionWords.PersonNouns.Contains(tokens[noun].Folded) && !(tokens[noun].Folded is "member" or "members" && Next(noun) is { } s && tokens[s].Folded is "state" or "states" or "countries"))
                {
                    organisations.Add(new OrganisationMention(i, noun, named.Organisation, true, tokens[noun].Folded));
                    return noun;
                }

                if (SpeechFollows(named.Last, pastOnly: false))
                {
                    organisations.Add(new OrganisationMention(i, named.Last, named.Organisation, true, null));
                    return named.Last;
                }
            }

            return null;
        }

        /// <summary>The next token when it continues the same phrase (same sentence, only spaces between).</summary>
        private int? Next(int i) => i + 1 < tokens.Count && text.Adjacent(i, i + 1) ? i + 1 : null;

        // ---- Positions: "the Ambassador", "the MEP's adviser" ------------------------------------------------------

        private int? TryPosition(int i)
        {
            if (!AttributionWords.Determiners.Contains(tokens[i].Folded))
            {
                return null;
            }

            var head = -1;
            var p = i;
            for (var taken = 0; taken < 5 && Next(p) is { } n; taken++)
            {
                var word = tokens[n].Folded;
                if (AttributionWords.Stop.Contains(word) || AttributionWords.Determiners.Contains(word))
                {
                    break;
                }

                if (HeadKey(word) is not null)
                {
                    head = n;
                    if (tokens[n].Possessive && !(Next(n) is { } following && HeadKey(tokens[following].Folded) is not null))
                    {
                        break;
                    }
                }
                else if (!(index.KnownTerms.Contains(word) || tokens[n].Shape != TokenShape.Lower || taken < 2))
                {
                    break;
                }

                p = n;
            }

            if (head < 0)
            {
                return null;
            }

            // A noun after the word makes it an adjective ("the general population"), unless the word is possessive or
            // capitalised as a title ("the Brigadier General saw").
            var titled = tokens[head].Shape == TokenShape.Capitalised && !tokens[head].SentenceStart && !tokens[head].InHeading;
            if (!tokens[head].Possessive && Next(head) is { } follower && !(titled && tokens[follower].Shape == TokenShape.Lower))
            {
                var f = tokens[follower];
                if (f.Folded == "of" && Next(follower) is { } what && tokens[what].Folded is "state" or "states" or "government" or "governments")
                {
                    return null; // "the head of state"
                }

                if (!(AttributionWords.PositionFollowers.Contains(f.Folded) || AttributionWords.SpeechVerbs.Contains(f.Folded)
                      || (f.Shape == TokenShape.Lower && f.Folded.EndsWith("ed", StringComparison.Ordinal))))
                {
                    return null;
                }
            }

            var candidates = index.Positions[HeadKey(tokens[head].Folded)!];
            var modifiers = Enumerable.Range(i + 1, head - i - 1)
                .Select(n => tokens[n].Folded)
                .Where(w => index.KnownTerms.Contains(w) && !AttributionWords.Stop.Contains(w))
                .ToList();
            var matching = candidates.Where(c => modifiers.All(m => c.Terms.Contains(m))).ToList();
            if (matching.Count == 0)
            {
                return null;
            }

            positions.Add(new PositionMention(i, head, matching));
            return head;
        }

        private string? HeadKey(string word)
        {
            if (index.Positions.ContainsKey(word))
            {
                return word;
            }

            // "the ambassadors", "advisers"
            return word.Length > 3 && word[^1] == 's' && index.Positions.ContainsKey(word[..^1]) ? word[..^1] : null;
        }

        // ---- Organisations ------------------------------------------------------------------------------------------

        private int? TryOrganisation(int i)
        {
            var start = i;
            if (tokens[i].Folded == "the" && Next(i) is { } afterThe)
            {
                start = afterThe;
            }

            if (MatchOrganisation(start) is not { } match)
            {
                return null;
            }

            // Subject matter is not attribution: only an organisation named as a source ("from", "by", "according to",
            // "the OSCE's view") is a finding; "through the OSCE", "the OSCE's field presence", "experts from X, Y and Z" are not.
            organisations.Add(new OrganisationMention(i, match.Last, match.Organisation, false, null, NamedAsSource(i, match.Last)));

            return match.Last;
        }

        private (int Last, IndexedOrganisation Organisation)? MatchOrganisation(int i)
        {
            var t = tokens[i];
            var best = -1;
            IndexedOrganisation? found = null;

            if (t.Shape is TokenShape.AllCaps or TokenShape.Capitalised or TokenShape.Mixed
                && index.Acronyms.TryGetValue(text.Text.Substring(t.Start, t.Length), out var byAcronym)
                && AcronymInContext(i))
            {
                best = i;
                found = byAcronym[0];
            }

            foreach (var key in Keys(t))
            {
                if (!index.OrganisationNames.TryGetValue(key, out var entries))
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    var last = Matches(i, entry.Words);
                    if (last > best && OrganisationNamePlausible(i, last))
                    {
                        best = last;
                        found = entry.Organisation;
                    }
                }
            }

            return found is null ? null : (best, found);
        }

        /// <summary>An acronym that is also a word ("CAN", "WHO", "IT") counts only outside a run of capitals ("WHO CAN SAY").</summary>
        private bool AcronymInContext(int i)
        {
            var t = tokens[i];
            if (!IsOrdinary(t.Folded))
            {
                return true;
            }

            bool Shouting(int n) => n >= 0 && n < tokens.Count && tokens[n].Sentence == t.Sentence && tokens[n].Shape == TokenShape.AllCaps && !index.Acronyms.ContainsKey(text.Text.Substring(tokens[n].Start, tokens[n].Length));
            if (Shouting(i - 1) || Shouting(i + 1))
            {
                return false;
            }

            // ...and only where an organisation is meant: "the WHO", "from CAN", "WHO's", "a CAN official", "WHO said".
            var previous = i > 0 && tokens[i - 1].Sentence == t.Sentence ? tokens[i - 1].Folded : "";
            var next = i + 1 < tokens.Count && tokens[i + 1].Sentence == t.Sentence ? tokens[i + 1].Folded : "";
            return previous is "the" or "from" or "at" or "with" or "representing" or "by"
                || t.Possessive
                || AttributionWords.PersonNouns.Contains(next)
                || AttributionWords.SpeechVerbs.Contains(next);
        }

        /// <summary>A name made of ordinary words ("Friends of Europe") is a name when capitalised; a one-word one like a surname.</summary>
        private bool OrganisationNamePlausible(int first, int last)
        {
            var words = Enumerable.Range(first, last - first + 1).Select(n => tokens[n]).ToList();
            if (words.Count > 1)
            {
                // "Friends of Europe" is a name; "friends of Europe" is not.
                return words[0].Shape != TokenShape.Lower;
            }

            if (!IsOrdinary(words[0].Folded))
            {
                return true;
            }

            return words[0].Shape == TokenShape.Capitalised && !words[0].SentenceStart && !words[0].InHeading;
        }

        // ---- Shared ----------------------------------------------------------------------------------------------

        private static IEnumerable<string> Keys(Token t)
        {
            yield return t.Folded;
            if (t.Alternative is not null)
            {
                yield return t.Alternative;
            }
        }

        /// <summary>The index of the last token when the words match from <paramref name="i"/> on, else -1.</summary>
        private int Matches(int i, string[] words)
        {
            for (var w = 0; w < words.Length; w++)
            {
                var n = i + w;
                if (n >= tokens.Count)
                {
                    return -1;
                }

                var t = tokens[n];
                if ((t.Folded != words[w] && t.Alternative != words[w]) || (w > 0 && !text.Adjacent(n - 1, n)))
                {
                    return -1;
                }

                // A possessive ends the name: "Gahler's office" is a name, "Gahler's Michael" is not.
                if (t.Possessive && w < words.Length - 1)
                {
                    return -1;
                }
            }

            return i + words.Length - 1;
        }

        // ---- Decisions -------------------------------------------------------------------------------------------

        private IReadOnlyList<AttributionFinding> Decide()
        {
            var findings = new List<AttributionFinding>();

            // Who may be named with their affiliation, sentence by sentence: their organisation beside their name is theirs to reveal.
            var affiliated = new HashSet<(int Sentence, IndexedOrganisation Organisation)>();
            var nameOnly = new List<(int Sentence, IndexedPerson Person)>();

            foreach (var mention in names)
            {
                var section = SectionOf(mention.First);
                var sentence = tokens[mention.First].Sentence;
                var protectedPeople = mention.People.Where(p => p.ScopeIn(section) is null).ToList();
                if (protectedPeople.Count > 0)
                {
                    var person = protectedPeople[0].Participant;
                    findings.Add(Finding(
                        FindingKind.Name,
                        mention.First,
                        mention.Last,
                        PointsTo(protectedPeople),
                        protectedPeople.Count == 1
                            ? Of(protectedPeople[0]) is { } organisationName
                                ? new FindingExplanation("Findings.Why.NamesWithOrganisation", person.Name, organisationName)
                                : new FindingExplanation("Findings.Why.Names", person.Name)
                            : new FindingExplanation("Findings.Why.CouldNameAny", PointsTo(protectedPeople)),
                        Neutral(protectedPeople),
                        protectedPeople.Count));
                    continue;
                }

                foreach (var person in mention.People)
                {
                    if (person.ScopeIn(section) == ConsentScope.NameAndAffiliation && person.Organisation is not null)
                    {
                        affiliated.Add((sentence, person.Organisation));
                    }
                    else if (person.ScopeIn(section) == ConsentScope.NameOnly)
                    {
                        nameOnly.Add((sentence, person));
                    }
                }

                var nameOnlyPeople = mention.People.Where(p => p.ScopeIn(section) == ConsentScope.NameOnly).ToList();
                if (mention.AffiliationTitle && nameOnlyPeople.Count > 0)
                {
                    findings.Add(Finding(
                        FindingKind.Position,
                        mention.First,
                        mention.NameFirst - 1,
                        PointsTo(nameOnlyPeople),
                        new FindingExplanation("Findings.Why.TitleRevealsPosition", nameOnlyPeople[0].Participant.Name),
                        "(leave out the title)",
                        nameOnlyPeople.Count));
                }
            }

            foreach (var mention in organisations)
            {
                var section = SectionOf(mention.First);
                var sentence = tokens[mention.First].Sentence;
                var organisation = mention.Organisation;
                var members = organisation.Members;
                var exposed = members.Where(m => !m.MayBeNamedWithAffiliation(section)).ToList();
                var beside = nameOnly.Where(n => n.Sentence == sentence && n.Person.Organisation == organisation).Select(n => n.Person).ToList();

                if (beside.Count > 0)
                {
                    findings.Add(Finding(
                        FindingKind.Organisation,
                        mention.First,
                        mention.Last,
                        PointsTo(beside),
                        new FindingExplanation("Findings.Why.OrganisationBesideName", beside[0].Participant.Name, organisation.Organisation.Name),
                        mention.Describes ? Article(mention.Noun) : "(leave out the organisation)",
                        beside.Count));
                    continue;
                }

                if (exposed.Count == 0 || affiliated.Contains((sentence, organisation)) || !mention.Source)
                {
                    continue;
                }

                if (mention.Describes)
                {
                    var small = members.Count <= k;
                    findings.Add(Finding(
                        small ? FindingKind.SmallGroup : FindingKind.Organisation,
                        mention.First,
                        mention.Last,
                        organisation.Organisation.Name,
                        small
                            ? Sent("Findings.Why.SmallGroup", members.Count, organisation.Organisation.Name)
                            : RevealsAffiliation(organisation),
                        Describe(mention.Noun, organisation),
                        members.Count));
                }
                else if (members.Count <= k && !organisation.Organising)
                {
                    findings.Add(Finding(
                        FindingKind.Organisation,
                        mention.First,
                        mention.Last,
                        organisation.Organisation.Name,
                        Sent("Findings.Why.NamesOrganisation", members.Count, organisation.Organisation.Name),
                        SectorWording(organisation.Organisation.Sector),
                        members.Count));
                }
            }

            foreach (var mention in positions)
            {
                var section = SectionOf(mention.First);
                var sentence = tokens[mention.First].Sentence;
                var beside = nameOnly.Where(n => n.Sentence == sentence && mention.Candidates.Contains(n.Person)).Select(n => n.Person).ToList();
                if (beside.Count > 0)
                {
                    findings.Add(Finding(
                        FindingKind.Position,
                        mention.First,
                        mention.Last,
                        PointsTo(beside),
                        new FindingExplanation("Findings.Why.PositionBesideName", beside[0].Participant.Name),
                        "(leave out the position)",
                        beside.Count));
                    continue;
                }

                if (mention.Candidates.Count > k || mention.Candidates.All(c => c.MayBeNamedWithAffiliation(section)))
                {
                    continue;
                }

                var holders = mention.Candidates;
                findings.Add(Finding(
                    FindingKind.Position,
                    mention.First,
                    mention.Last,
                    PointsTo(holders),
                    holders.Count == 1
                        ? new FindingExplanation("Findings.Why.OnlyHolder", holders[0].Participant.Name)
                        : new FindingExplanation("Findings.Why.OnlyHolders", holders.Count, PointsTo(holders)),
                    Neutral(holders),
                    holders.Count));
            }

            DecideDescriptions(findings, affiliated);

            return findings
                .GroupBy(f => (f.Start, f.Length))
                .Select(g => g.First())
                .OrderBy(f => f.Start)
                .ToList();
        }

        private Section SectionOf(int token) => text.Sections[tokens[token].Section];

        private AttributionFinding Finding(FindingKind kind, int first, int last, string pointsTo, FindingExplanation why, string suggestion, int fits)
        {
            var start = tokens[first].Start;
            var end = tokens[last].Start + tokens[last].Length;
            return new AttributionFinding(kind, start, end - start, text.Text[start..end], pointsTo, why.English, suggestion, fits, index.People.Count, why);
        }

        private static string PointsTo(IEnumerable<IndexedPerson> people) => string.Join("; ", people.Select(p => p.Participant.Name).Distinct());

        private static string? Of(IndexedPerson person) => person.Organisation?.Organisation.Name;

        /// <summary>A sentence about what an organisation sent: "….One" when it sent one person, "….Many" (with the count) otherwise; {0} is the count.</summary>
        private static FindingExplanation Sent(string key, int count, string organisation) =>
            new(key + (count == 1 ? ".One" : ".Many"), count, organisation);

        private static FindingExplanation RevealsAffiliation(IndexedOrganisation organisation) =>
            Sent("Findings.Why.RevealsAffiliation", organisation.Members.Count, organisation.Organisation.Name);

        /// <summary>"a participant", or by sector when every person pointed to shares one: "a participant from a think tank".</summary>
        private static string Neutral(List<IndexedPerson> people)
        {
            var sectors = people.Select(p => p.Organisation?.Organisation.Sector).Distinct().ToList();
            return sectors is [{ } sector] ? $"a participant from {SectorWording(sector)}" : "a participant";
        }

        private static string Describe(string? noun, IndexedOrganisation organisation)
        {
            var who = Article(noun);
            return organisation.Organisation.Sector is { } sector && noun is not null && !noun.EndsWith('s')
                ? $"{who} from {SectorWording(sector)}"
                : who;
        }

        private static string Article(string? noun) => noun switch
        {
            null => "a participant",
            "those" or "people" or "staff" => "some participants",
            "someone" or "somebody" => "someone",
            _ when noun.EndsWith('s') => "some participants",
            _ when "aeiou".Contains(noun[0]) => $"an {noun}",
            _ => $"a {noun}",
        };

        private static string SectorWording(Sector? sector) => sector switch
        {
            Sector.EuInstitution => "an EU institution",
            Sector.Nato or Sector.InternationalOrganisation => "an international organisation",
            Sector.NationalGovernment => "a national government",
            Sector.Parliament => "a parliament",
            Sector.Academia => "academia",
            Sector.ThinkTank => "a think tank",
            Sector.Media => "the media",
            Sector.PrivateSector => "the private sector",
            Sector.CivilSociety => "civil society",
            _ => "an organisation",
        };
    }
}
