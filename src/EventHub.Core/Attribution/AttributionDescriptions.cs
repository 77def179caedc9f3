using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

public static partial class AttributionChecker
{
    /// <summary>A description of a person ("the Hungarian diplomat", "someone from the Dutch foreign ministry", "Budapest insisted") and everyone it fits.</summary>
    private sealed record DescriptionMention(int First, int Last, List<IndexedPerson> Candidates, IndexedOrganisation? Organisation, bool Plural, string What, string? Noun);

    /// <summary>What a description says about a person: each part narrows the people it can fit.</summary>
    private sealed class Constraints
    {
        public List<string> Countries { get; } = [];

        /// <summary>Each entry must hold: the person has one of its roles.</summary>
        public List<Roles> Roles { get; } = [];

        /// <summary>Each entry must hold: the person belongs to one of its organisations.</summary>
        public List<HashSet<IndexedOrganisation>> Organisations { get; } = [];

        public List<string> Positions { get; } = [];

        public int Seniority { get; set; }

        /// <summary>"the host argued": the event's host.</summary>
        public bool Hosts { get; set; }

        public List<string> Words { get; } = [];

        public bool Any => Hosts || Countries.Count > 0 || Roles.Count > 0 || Organisations.Count > 0 || Positions.Count > 0 || Seniority != 0;

        public bool OnlyPosition => Positions.Count > 0 && Countries.Count == 0 && Roles.Count == 0 && Organisations.Count == 0 && Seniority == 0;
    }

    private sealed partial class Scan
    {
        private readonly List<DescriptionMention> descriptions = [];

        private static readonly HashSet<string> DescriptionDeterminers = new(
            ["a", "an", "the", "one", "another", "this", "that", "our", "each", "either", "both", "two", "three", "four", "five", "several", "some", "their", "its"],
            StringComparer.Ordinal);

        private static readonly HashSet<string> Counting = new(["one", "two", "three", "four", "five", "both", "another", "this", "that", "each", "either", "our"], StringComparer.Ordinal);

        private static readonly HashSet<string> Institutions = new(
            ["government", "side", "delegation", "authorities", "administration", "embassy", "ministry", "mission", "representation", "leadership", "presidency"],
            StringComparer.Ordinal);

        private static readonly HashSet<string> OpinionAdjectives = new(
            ["sceptical", "skeptical", "adamant", "critical", "clear", "keen", "reluctant", "optimistic", "pessimistic", "cautious", "convinced",
             "unconvinced", "doubtful", "insistent", "dismissive", "supportive", "firm", "vocal", "blunt", "emphatic", "wary", "confident", "frank"],
            StringComparer.Ordinal);

        private readonly record struct HeadNoun(Roles Roles, string? Position, bool Plural, bool Host = false);

        // ---- Descriptions of persons ------------------------------------------------------------------------------

        private int? TryPersonDescription(int i)
        {
            var t = tokens[i];
            var p = i;
            string? determiner = null;
            if (DescriptionDeterminers.Contains(t.Folded))
            {
                determiner = t.Folded;
                if (Next(p) is not { } afterDeterminer)
                {
                    return null;
                }

                p = afterDeterminer;
            }
            else if (t.Shape == TokenShape.Lower && !IsHeadWord(t.Folded) && !AttributionVocabulary.RoleAdjectives.ContainsKey(t.Folded)
                     && !AttributionVocabulary.SeniorWords.Contains(t.Folded) && !AttributionVocabulary.Singling.Contains(t.Folded) && !index.ConceptWords.Contains(t.Folded))
            {
                return null; // an ordinary word does not start a description
            }

            var constraints = new Constraints();
            var singling = determiner is not null && Counting.Contains(determiner);
            var head = -1;
            HeadNoun noun = default;
            var unknown = 0;
            for (var steps = 0; steps < 9; steps++)
            {
                var word = tokens[p].Folded;
                if (Head(p) is { } h && !(Next(p) is { } continues && !tokens[p].Possessive && Head(continues) is not null && !SpeechFollows(p, pastOnly: false)))
                {
                    head = p;
                    noun = h;
                    break;
                }

                if (Head(p) is { } modifier)
                {
                    // "an NGO voice", "a think-tank colleague": a person noun before another is a modifier.
                    Narrow(constraints, modifier, p);
                }
                else if (OrganisationAt(p) is { } organisation)
                {
                    constraints.Organisations.Add(organisation.Organisations);
                    constraints.Words.Add(Span(p, organisation.Last));
                    p = organisation.Last;
                }
                else if (CountryAt(p) is { } nominal && nominal.Form == CountryForm.Demonym && determiner is not null && !tokens[nominal.Last].Possessive
                         && (Next(nominal.Last) is not { } following || (Head(following) is null && OrganisationAt(following) is null && tokens[following].Shape == TokenShape.Lower
                             && !AttributionVocabulary.RoleAdjectives.ContainsKey(tokens[following].Folded) && !index.ConceptWords.Contains(tokens[following].Folded)))
                         && (SpeechFollows(nominal.Last, pastOnly: false) || (Next(nominal.Last) is { } here && (AttributionVocabulary.Presence.Contains(tokens[here].Folded) || RoomAt(here) is not null))))
                {
                    // "the Hungarian insisted", "the Belgian present": a demonym standing for a person.
                    constraints.Countries.Add(nominal.Code);
                    constraints.Words.Add(Span(p, nominal.Last));
                    head = nominal.Last;
                    noun = new HeadNoun(Roles.None, null, false);
                    break;
                }
                else if (CountryAt(p) is { } country && country.Form != CountryForm.Capital)
                {
                    constraints.Countries.Add(country.Code);
                    constraints.Words.Add(Span(p, country.Last));
                    p = country.Last;
                }
                else if (Next(p) is { } second && AttributionVocabulary.SectorPhrases.TryGetValue((word, tokens[second].Folded), out var phraseRoles))
                {
                    if (tokens[second].Folded is "servant" or "servants" && !(Next(second) is { } more && Head(more) is not null))
                    {
                        head = second;
                        noun = new HeadNoun(phraseRoles, null, tokens[second].Folded.EndsWith('s'));
                        break;
                    }

                    constraints.Roles.Add(phraseRoles);
                    constraints.Words.Add(Span(p, second));
                    p = second;
                }
                else if (AttributionVocabulary.RoleAdjectives.TryGetValue(word, out var roles) && (tokens[p].Shape != TokenShape.Lower || word is not "press"))
                {
                    constraints.Roles.Add(roles);
                    constraints.Words.Add(text.Text.Substring(tokens[p].Start, tokens[p].Length));
                }
                else if (AttributionVocabulary.SeniorWords.Contains(word))
                {
                    constraints.Seniority = 1;
                    constraints.Words.Add(word);
                }
                else if (AttributionVocabulary.JuniorWords.Contains(word) && word != "young")
                {
                    constraints.Seniority = -1;
                    constraints.Words.Add(word);
                }
                else if (AttributionVocabulary.Singling.Contains(word) || word is "two" or "three" or "both")
                {
                    singling = true;
                }
                else if (tokens[p].Shape == TokenShape.Lower && unknown < 2 && !AttributionWords.Stop.Contains(word) && !AttributionWords.Determiners.Contains(word)
                         && !AttributionWords.SpeechVerbs.Contains(word))
                {
                    unknown++; // "a sceptical Hungarian diplomat"
                }
                else
                {
                    return null;
                }

                if (Next(p) is not { } next)
                {
                    return null;
                }

                p = next;
            }

            if (head < 0)
            {
                return null;
            }

            if (tokens[head].Folded is "member" or "members" && Next(head) is { } s && tokens[s].Folded is "state" or "states" or "countries")
            {
                return null;
            }

            Narrow(constraints, noun, head);
            var last = head;
            var present = false;

            // "an envoy from Hungary", "someone from the Dutch foreign ministry", "a voice from civil society"
            if (!tokens[head].Possessive && Next(head) is { } preposition && tokens[preposition].Folded is "from" or "of" or "at" or "with" or "representing" or "in" or "for")
            {
                if (AfterPreposition(preposition, constraints) is { } end)
                {
                    last = end;
                }
                else if (RoomAt(preposition) is { } room)
                {
                    last = room;
                    present = true;
                }
            }

            if (Next(last) is { } after && AttributionVocabulary.Presence.Contains(tokens[after].Folded) && !tokens[last].Possessive)
            {
                last = after;
                present = true;
            }
            else if (Next(last) is { } inRoom && RoomAt(inRoom) is { } room)
            {
                last = room;
                present = true;
            }

            if (!constraints.Any || (constraints.OnlyPosition && determiner is not null && !present && Next(i) == head))
            {
                return null; // "a participant", "the Ambassador": nothing to narrow by, or a position the position check judges
            }

            // "Perceived as a civil society advocate, Europe ...": a predicate, not a person; "as a diplomat put it" is one.
            if (i > 0 && tokens[i - 1].Folded == "as" && text.Adjacent(i - 1, i) && !(i > 1 && tokens[i - 2].Folded == "such") && !SpeechFollows(last, pastOnly: false))
            {
                return null;
            }

            // "The audience included officials, researchers, a journalist and ...": who attended, in aggregate.
            if (!present && InList(i, last) && !SpeechFollows(last, pastOnly: false))
            {
                return null;
            }

            // "the Hungarian people", "the Georgian experts": a plural after "the" is a group of the world unless it speaks or was there.
            var determined = determiner is not null and not ("some" or "their" or "its" or "several")
                && !(determiner == "the" && tokens[head].Folded is "people" or "persons" or "men" or "women" or "individuals" or "figures" or "professionals");
            if (noun.Host && !SpeechFollows(last, pastOnly: false))
            {
                return null;
            }

            var about = singling || present || determined
                || SpeechFollows(last, pastOnly: noun.Plural && determiner is null)
                || AccordingTo(i)
                || (tokens[head].Possessive && Next(head) is { } said && AttributionWords.SpeechNouns.Contains(tokens[said].Folded));
            if (!about)
            {
                return null;
            }

            var candidates = index.People.Where(person => Fits(person, constraints)).ToList();
            var organisationOf = constraints.Organisations.Count == 1 && constraints.Organisations[0].Count == 1 ? constraints.Organisations[0].First() : null;
            descriptions.Add(new DescriptionMention(i, last, candidates, organisationOf, noun.Plural, string.Join(", ", constraints.Words), tokens[head].Folded));
            return last;
        }

        /// <summary>"Budapest insisted", "Hungary argued", "the Hungarian government warned": a country standing for its government.</summary>
        private int? TryGovernment(int i)
        {
            var p = tokens[i].Folded == "the" && Next(i) is { } afterThe ? afterThe : i;
            if (CountryAt(p) is not { } country)
            {
                return null;
            }

            var last = country.Last;
            if (country.Form == CountryForm.Demonym)
            {
                if (Next(last) is not { } institution || !Institutions.Contains(tokens[institution].Folded))
                {
                    return null;
                }

                last = institution;
            }
            else if (tokens[last].Possessive)
            {
                return null; // "Hungary's energy policy" is subject matter
            }

            if (!SpeechFollows(last, pastOnly: true))
            {
                return null;
            }

            var constraints = new Constraints();
            constraints.Countries.Add(country.Code);
            constraints.Roles.Add(Roles.Government | Roles.Diplomacy);
            constraints.Words.Add(Span(p, last));
            var candidates = index.People.Where(person => Fits(person, constraints)).ToList();
            descriptions.Add(new DescriptionMention(i, last, candidates, null, false, $"{Span(p, last)} (its government)", null));
            return last;
        }

        private static bool Fits(IndexedPerson person, Constraints constraints)
        {
            foreach (var country in constraints.Countries)
            {
                if (!person.Countries.Contains(country))
                {
                    return false;
                }
            }

            foreach (var roles in constraints.Roles)
            {
                if ((person.Roles & roles) == 0)
                {
                    return false;
                }
            }

            foreach (var organisations in constraints.Organisations)
            {
                if (person.Organisation is null || !organisations.Contains(person.Organisation))
                {
                    return false;
                }
            }

            foreach (var position in constraints.Positions)
            {
                if (!person.Terms.Contains(position))
                {
                    return false;
                }
            }

            if (constraints.Hosts && person.Participant.Role != ParticipantRole.Host)
            {
                return false;
            }

            return constraints.Seniority == 0 || person.Seniority == constraints.Seniority;
        }

        private void Narrow(Constraints constraints, HeadNoun noun, int at)
        {
            // "a military officer": the kind of work says it all; "officer" is in too many positions to narrow further.
            if (noun.Position is "officer" && constraints.Roles.Count > 0)
            {
                return;
            }

            if (noun.Roles != Roles.None)
            {
                constraints.Roles.Add(noun.Roles);
                constraints.Words.Add(tokens[at].Folded);
            }

            if (noun.Host)
            {
                constraints.Hosts = true;
                constraints.Words.Add(tokens[at].Folded);
            }

            if (noun.Position is not null)
            {
                constraints.Positions.Add(noun.Position);
                constraints.Words.Add(tokens[at].Folded);
            }
        }

        private bool IsHeadWord(string folded) =>
            AttributionVocabulary.RoleNouns.ContainsKey(folded) || AttributionVocabulary.GenericNouns.Contains(folded) || HeadKey(folded) is not null;

        /// <summary>A person noun: a role noun ("diplomat" → diplomacy), a generic one ("participant"), or a position held by someone ("ambassador").</summary>
        private HeadNoun? Head(int n)
        {
            var t = tokens[n];
            if (t.Shape is TokenShape.AllCaps && t.Folded is not ("mp" or "mps" or "mep" or "meps"))
            {
                return null;
            }

            var word = t.Folded;
            var plural = word.Length > 3 && word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) || word is "people" or "men" or "women" or "businessmen" or "businesswomen" or "businesspeople";
            if (AttributionVocabulary.RoleNouns.TryGetValue(word, out var roles))
            {
                return new HeadNoun(roles, null, plural);
            }

            if (word is "host" or "hosts" or "co-host")
            {
                return new HeadNoun(Roles.None, null, plural, Host: true);
            }

            if (AttributionVocabulary.GenericNouns.Contains(word))
            {
                return new HeadNoun(Roles.None, null, plural);
            }

            if (HeadKey(word) is { } position && t.Shape != TokenShape.AllCaps)
            {
                return new HeadNoun(Roles.None, position, plural && position != word);
            }

            return null;
        }

        /// <summary>What follows "from", "of", "at": an organisation (named or paraphrased), a country, a sector. Null when nothing narrows.</summary>
        private int? AfterPreposition(int preposition, Constraints constraints)
        {
            if (Next(preposition) is not { } q)
            {
                return null;
            }

            while (tokens[q].Folded is "the" or "a" or "an" or "one" or "its" or "their" && Next(q) is { } skipped)
            {
                q = skipped;
            }

            if (OrganisationAt(q) is { } organisation)
            {
                constraints.Organisations.Add(organisation.Organisations);
                constraints.Words.Add(Span(q, organisation.Last));
                return organisation.Last;
            }

            if (CountryAt(q) is { } country)
            {
                constraints.Countries.Add(country.Code);
                constraints.Words.Add(Span(q, country.Last));
                var last = country.Last;
                // "the Dutch government", "a Hungarian ministry", "the Kazakh embassy"
                if (Next(last) is { } sector && (AttributionVocabulary.SectorNouns.TryGetValue(tokens[sector].Folded, out var roles) || Institutions.Contains(tokens[sector].Folded)))
                {
                    constraints.Roles.Add(roles == Roles.None ? Roles.Government | Roles.Diplomacy : roles);
                    last = sector;
                }
                else if (Next(last) is { } first && Next(first) is { } second && AttributionVocabulary.SectorPhrases.TryGetValue((tokens[first].Folded, tokens[second].Folded), out var phrase))
                {
                    constraints.Roles.Add(phrase);
                    last = second;
                }
                else if (country.Form == CountryForm.Demonym)
                {
                    return null; // "one of the Hungarian ..." without a noun that we know
                }

                return last;
            }

            if (Next(q) is { } two && AttributionVocabulary.SectorPhrases.TryGetValue((tokens[q].Folded, tokens[two].Folded), out var sectorPhrase))
            {
                constraints.Roles.Add(sectorPhrase);
                constraints.Words.Add(Span(q, two));
                return two;
            }

            if (AttributionVocabulary.SectorNouns.TryGetValue(tokens[q].Folded, out var sectorRoles))
            {
                constraints.Roles.Add(sectorRoles);
                constraints.Words.Add(tokens[q].Folded);
                return q;
            }

            return null;
        }

        /// <summary>"in the room", "around the table", "at the meeting": the person was there.</summary>
        private int? RoomAt(int preposition)
        {
            if (tokens[preposition].Folded is not ("in" or "at" or "around") || Next(preposition) is not { } the || tokens[the].Folded != "the" || Next(the) is not { } place)
            {
                return null;
            }

            return tokens[place].Folded is "room" or "table" or "meeting" or "discussion" or "event" ? place : null;
        }

        /// <summary>"according to the Hungarian diplomat", "a point made by the reporter".</summary>
        private bool AccordingTo(int i)
        {
            if (i < 1 || tokens[i - 1].Sentence != tokens[i].Sentence)
            {
                return false;
            }

            var before = tokens[i - 1].Folded;
            return before == "by" || (before == "to" && i >= 2 && tokens[i - 2].Folded == "according");
        }

        /// <summary>A speech or opinion verb after the subject ending at <paramref name="last"/>, across "has", "also", "however" and commas.</summary>
        private bool SpeechFollows(int last, bool pastOnly)
        {
            var bridges = 0;
            for (var n = last + 1; n < tokens.Count && n <= last + 5; n++)
            {
                if (tokens[n].Sentence != tokens[last].Sentence || !OnlySpacesOrCommas(n - 1, n))
                {
                    return false;
                }

                var word = tokens[n].Folded;
                if (pastOnly ? AttributionWords.IsPastSpeech(word) : AttributionWords.SpeechVerbs.Contains(word))
                {
                    return true;
                }

                if (word is "was" or "were" && n + 1 < tokens.Count && OpinionAdjectives.Contains(tokens[n + 1].Folded))
                {
                    return true;
                }

                // "Hungarian officials have long argued", "Budapest has insisted": the perfect speaks of the world, not of the meeting.
                if (pastOnly && word is "has" or "have" or "had")
                {
                    return false;
                }

                if ((AttributionWords.SpeechBridges.Contains(word) || (word.EndsWith("ly", StringComparison.Ordinal) && tokens[n].Shape == TokenShape.Lower)) && ++bridges <= 3)
                {
                    continue;
                }

                return false;
            }

            return false;
        }

        private bool OnlySpacesOrCommas(int left, int right)
        {
            var a = tokens[left];
            for (var c = a.Start + a.Length; c < tokens[right].Start; c++)
            {
                var ch = text.Text[c];
                if (ch is not (' ' or ',' or '\n' or '\r' or '\t' or '\u00A0') && !(a.Possessive && ch is '\'' or '\u2019' or 's'))
                {
                    return false;
                }
            }

            return true;
        }

        // ---- Organisations and countries in descriptions ----------------------------------------------------------

        private (int Last, HashSet<IndexedOrganisation> Organisations)? OrganisationAt(int p)
        {
            var exact = MatchOrganisation(p);
            var fuzzy = Paraphrase(p);
            if (fuzzy is { } f && (exact is null || f.Last > exact.Value.Last))
            {
                return f;
            }

            if (exact is { } e)
            {
                return (e.Last, [e.Organisation]);
            }

            var t = tokens[p];
            if (t.Shape != TokenShape.Capitalised)
            {
                return null;
            }

            return index.DistinctiveWords.TryGetValue(t.Folded, out var distinctive) || index.HeadWords.TryGetValue(t.Folded, out distinctive) ? (p, [distinctive]) : null;
        }

        /// <summary>
        /// An organisation paraphrased: the phrase's concepts are among the organisation's (at least two, at least two
        /// thirds of them): "the Dutch foreign ministry" is the "Ministry of Foreign Affairs of the Netherlands".
        /// </summary>
        private (int Last, HashSet<IndexedOrganisation> Organisations)? Paraphrase(int p)
        {
            if (index.AllOrganisations.Count == 0 || (!index.ConceptWords.Contains(tokens[p].Folded) && CountryAt(p) is null))
            {
                return null;
            }

            var words = new List<string>();
            var ends = new List<int>();
            var n = p;
            while (words.Count < 8)
            {
                var t = tokens[n];
                var concept = AttributionVocabulary.Concepts([t.Folded]);
                var isCountry = t.Shape != TokenShape.Lower && CountryAt(n) is not null;
                var joiner = t.Folded is "of" or "for" or "the" or "and" or "affairs" or "federal" or "royal" or "national";
                if (!(isCountry || joiner || concept.Any(index.ConceptWords.Contains)))
                {
                    break;
                }

                words.Add(t.Folded);
                if (!joiner)
                {
                    ends.Add(n);
                }

                if (t.Possessive || Next(n) is not { } next)
                {
                    break;
                }

                n = next;
            }

            for (var e = ends.Count - 1; e >= 0; e--)
            {
                var end = ends[e];
                var concepts = AttributionVocabulary.Concepts(words.Take(end - p + 1).ToList());
                if (concepts.Count < 2 || concepts.All(c => c[0] == '#'))
                {
                    continue;
                }

                HashSet<IndexedOrganisation>? best = null;
                var bestCoverage = 0.0;
                foreach (var organisation in index.AllOrganisations)
                {
                    foreach (var known in organisation.Concepts)
                    {
                        if (concepts.Count * 3 < known.Count * 2 || !concepts.All(known.Contains))
                        {
                            continue;
                        }

                        var coverage = (double)concepts.Count / known.Count;
                        if (coverage > bestCoverage + 1e-9)
                        {
                            best = [organisation];
                            bestCoverage = coverage;
                        }
                        else if (Math.Abs(coverage - bestCoverage) < 1e-9)
                        {
                            best!.Add(organisation);
                        }
                    }
                }

                if (best is not null)
                {
                    return (end, best);
                }
            }

            return null;
        }

        private (int Last, string Code, CountryForm Form)? CountryAt(int p)
        {
            var t = tokens[p];
            if (t.Shape == TokenShape.Lower)
            {
                return null;
            }

            (int Last, string Code, CountryForm Form)? best = null;
            if (AttributionData.Countries.ByFirstWord.TryGetValue(t.Folded, out var entries))
            {
                foreach (var entry in entries)
                {
                    var last = Matches(p, entry.Words);
                    if (last >= 0 && (best is null || last > best.Value.Last))
                    {
                        best = (last, entry.Code, entry.Form);
                    }
                }
            }

            // "two Hungarians", "the Belgians", "the Turks"
            if (best is null && t.Folded.Length > 3 && t.Folded[^1] == 's' && AttributionData.Countries.ByFirstWord.TryGetValue(t.Folded[..^1], out var singular)
                && singular.FirstOrDefault(e => e.Form == CountryForm.Demonym && e.Words.Length == 1) is { } demonym)
            {
                best = (p, demonym.Code, CountryForm.Demonym);
            }

            return best;
        }

        /// <summary>
        /// A bare organisation is a finding only where it is named as a source: after "from", "by" or "according to", or
        /// owning what was said ("the OSCE's view"). Not as a topic, and not in a list of who attended.
        /// </summary>
        private bool NamedAsSource(int first, int last)
        {
            if (InList(first, last))
            {
                return false;
            }

            if (tokens[last].Possessive)
            {
                return Next(last) is { } owned && AttributionWords.SpeechNouns.Contains(tokens[owned].Folded);
            }

            if (first < 1 || tokens[first - 1].Sentence != tokens[first].Sentence || !text.Adjacent(first - 1, first))
            {
                return false;
            }

            var before = tokens[first - 1].Folded;
            if (before == "to")
            {
                return first >= 2 && tokens[first - 2].Folded == "according";
            }

            if (before is not ("from" or "by") || first < 2 || tokens[first - 2].Sentence != tokens[first].Sentence)
            {
                return false;
            }

            // "a point raised by the OSCE", "we heard from Bruegel", "remarks from the EEAS" — not "a report by", "data from".
            var said = tokens[first - 2].Folded;
            return AttributionWords.SpeechNouns.Contains(said) || AttributionWords.SpeechVerbs.Contains(said)
                || said is "heard" or "input" or "contribution" or "contributions" or "made" or "up" or "forward" or "echoed" or "raised" or "voiced";
        }

        /// <summary>"experts from the EU, NATO and the OSCE": an element of a list of several names.</summary>
        private bool InList(int first, int last)
        {
            bool Separator(int from, int to)
            {
                for (var c = from; c < to; c++)
                {
                    if (text.Text[c] == ',')
                    {
                        return true;
                    }
                }

                return false;
            }

            bool ListWord(int n) => n >= 0 && n < tokens.Count && tokens[n].Folded is "and" or "or" or "as" && tokens[n].Sentence == tokens[first].Sentence;

            var previous = first - 1;
            if (previous >= 0 && tokens[previous].Sentence == tokens[first].Sentence
                && (ListWord(previous) || Separator(tokens[previous].Start + tokens[previous].Length, tokens[first].Start)))
            {
                return true;
            }

            // Followed by another name: "the EEAS, NATO", "the EEAS and the OSCE", "NATO or academia".
            var next = last + 1;
            if (next >= tokens.Count || tokens[next].Sentence != tokens[last].Sentence)
            {
                return false;
            }

            bool Named(int n) => n < tokens.Count && tokens[n].Sentence == tokens[last].Sentence
                && (tokens[n].Shape is TokenShape.Capitalised or TokenShape.AllCaps or TokenShape.Mixed
                    || (tokens[n].Folded == "the" && n + 1 < tokens.Count && tokens[n + 1].Shape != TokenShape.Lower)
                    || AttributionVocabulary.SectorNouns.ContainsKey(tokens[n].Folded));
            if (ListWord(next))
            {
                return Named(next + 1);
            }

            return Separator(tokens[last].Start + tokens[last].Length, tokens[next].Start) && tokens[next].Folded != "the" && Named(next);
        }

        private string Span(int first, int last) => text.Text[tokens[first].Start..(tokens[last].Start + tokens[last].Length)];

        // ---- Decisions ------------------------------------------------------------------------------------------

        private void DecideDescriptions(List<AttributionFinding> findings, HashSet<(int Sentence, IndexedOrganisation Organisation)> affiliated)
        {
            foreach (var d in descriptions)
            {
                var section = SectionOf(d.First);
                var sentence = tokens[d.First].Sentence;
                if (d.Candidates.Count == 0 || d.Candidates.All(c => c.MayBeNamedWithAffiliation(section))
                    || (d.Organisation is not null && affiliated.Contains((sentence, d.Organisation))))
                {
                    continue;
                }

                var n = d.Candidates.Count;
                var people = index.People.Count;
                if (n <= k)
                {
                    findings.Add(Finding(
                        FindingKind.SmallGroup,
                        d.First,
                        d.Last,
                        PointsTo(d.Candidates),
                        new FindingExplanation(people == 1 ? "Findings.Why.DescriptionFits.One" : "Findings.Why.DescriptionFits.Many", d.What, n, people, PointsTo(d.Candidates)),
                        d.Plural ? "some participants" : d.Noun is null ? "one participant" : "a participant",
                        n));
                }
                else if (d.Organisation is { } organisation && organisation.Members.Any(m => !m.MayBeNamedWithAffiliation(section)))
                {
                    findings.Add(Finding(
                        FindingKind.Organisation,
                        d.First,
                        d.Last,
                        organisation.Organisation.Name,
                        RevealsAffiliation(organisation),
                        Describe(d.Noun, organisation),
                        n));
                }
            }
        }
    }
}
