namespace EventHub.Core.Attribution;

/// <summary>The small vocabularies the check needs: common English words, titles, positions, nouns for people, speech verbs.</summary>
internal static class AttributionWords
{
    private static HashSet<string> Set(string words) =>
        new(words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>
    /// Whether a folded word is an ordinary English word (lower case in the shipped SCOWL word list), a word always
    /// capitalised (months, days) or a country, capital or demonym: such a surname alone is a name only when capitalised in
    /// mid-sentence outside a heading, and never when written in lower case; such an acronym only where an organisation is meant.
    /// </summary>
    public static bool IsOrdinary(string folded) =>
        AttributionData.EnglishWords.Contains(folded) || AlwaysCapitalised.Contains(folded)
        || (AttributionData.Countries.ByFirstWord.TryGetValue(folded, out var countries) && countries.Any(c => c.Words.Length == 1));

    /// <summary>Words always capitalised in English: as surnames they count only with a first name, a title or an initial.</summary>
    public static readonly HashSet<string> AlwaysCapitalised = Set("""
        january february march april may june july august september october november december monday tuesday wednesday
        thursday friday saturday sunday christmas easter god english french german european british american russian chinese
        """);

    /// <summary>Titles that may stand before a name ("Dr. Smith", "MEP Gahler", "Ambassador Ivanova").</summary>
    public static readonly HashSet<string> Titles = Set("""
        dr doctor prof professor mr mrs ms mx miss sir dame lord lady mep ambassador amb minister commissioner president
        senator general gen admiral adm colonel col captain capt lieutenant lt rev judge justice herr frau mme madame
        monsieur dott ing mag secretary-general director-general vice-president chancellor deputy rapporteur envoy
        counsellor chairman chairwoman chair governor mayor premier sheikh
        """);

    /// <summary>Titles that reveal a position or an affiliation, not merely a courtesy: with a name-only consent they are flagged.</summary>
    public static readonly HashSet<string> AffiliationTitles = Set("""
        mep ambassador amb minister commissioner president senator general gen admiral adm colonel col captain capt
        lieutenant lt judge justice secretary-general director-general vice-president chancellor deputy rapporteur envoy
        counsellor chairman chairwoman chair governor mayor premier
        """);

    /// <summary>Words that name a position held by someone; "the Ambassador" points to whoever holds it.</summary>
    public static readonly HashSet<string> PositionHeads = Set("""
        ambassador mep adviser advisor assistant minister director director-general chair chairman chairwoman chairperson
        president vice-president secretary secretary-general commissioner spokesperson spokesman spokeswoman counsellor
        counselor attache rapporteur coordinator envoy manager deputy admiral general colonel senator chief consul
        under-secretary undersecretary ceo founder dean rector editor head representative officer fellow professor lecturer
        delegate ambassadors mediator
        """);

    /// <summary>Nouns for people: "an official from X", "a NATO official", "colleagues from X".</summary>
    public static readonly HashSet<string> PersonNouns = Set("""
        official officials representative representatives participant participants colleague colleagues expert experts
        delegate delegates member members diplomat diplomats staffer staffers staff speaker speakers researcher researchers
        analyst analysts someone somebody person people guest guests attendee attendees adviser advisers advisor advisors
        officer officers envoy envoys counterpart counterparts scholar scholars academic academics fellow fellows delegation
        panellist panellists panelist panelists contributor contributors journalist journalists economist economists
        those voice voices
        """);

    /// <summary>Words that may open a description of someone: "a", "the", "two", "our".</summary>
    public static readonly HashSet<string> Determiners = Set("""
        a an the one two three four some several another our their his her many few other both
        """);

    /// <summary>Prepositions that tie a person to an organisation: "from", "of", "at", "with", "representing".</summary>
    public static readonly HashSet<string> AffiliationPrepositions = Set("from of at with representing in for");

    /// <summary>Verbs of speech: "NATO argued", "the EEAS said" attribute a statement to an organisation that sent people.</summary>
    public static readonly HashSet<string> SpeechVerbs = Set("""
        said says argued argues noted notes stressed stresses warned warns explained explains suggested suggests pointed
        added adds stated states proposed proposes remarked observed emphasised emphasized emphasises emphasizes underlined
        underlines highlighted highlights insisted insists believes believed thinks thought felt feels agreed agrees
        disagreed countered objected told asked asks replied replies recalled urged cautioned claimed claims admitted
        acknowledged commented comments maintained maintains contended contends reported doubted questioned welcomed
        criticised criticized rejected favoured favored preferred recommended called pushed presented shared conceded
        reiterated predicted feared worried wondered reminded voiced raised described responded mentioned indicated
        signalled signaled hinted complained lamented accepted dismissed put
        """);

    /// <summary>Past forms among the speech verbs: a country or organisation that "insisted" spoke at the meeting; one that "insists" is the topic.</summary>
    public static bool IsPastSpeech(string folded) =>
        SpeechVerbs.Contains(folded) && (folded.EndsWith("ed", StringComparison.Ordinal) || folded is "said" or "thought" or "felt" or "told" or "put" or "held");

    /// <summary>Nouns for what someone said: "the OSCE's view", "the Hungarian envoy's remarks".</summary>
    public static readonly HashSet<string> SpeechNouns = Set("""
        view views position positions remarks remark argument arguments point points proposal proposals suggestion suggestions
        intervention interventions concern concerns comment comments question questions presentation perspective assessment
        warning warnings contribution stance input reply response answer criticism objection objections words
        """);

    /// <summary>Words between a subject and its speech verb that do not break the link: "Budapest, however, insisted", "the OSCE has warned".</summary>
    public static readonly HashSet<string> SpeechBridges = Set("""
        has have had also then later however too repeatedly again firmly strongly clearly openly quickly
        """);

    /// <summary>Words that may follow a position ("the Ambassador said", "the MEP, who"): a noun would make it an adjective ("the general population").</summary>
    public static readonly HashSet<string> PositionFollowers = Set("""
        of for from and or but to in on at with who whom whose which that is was were are has had have will would could
        should may might must can also then however himself herself themselves as when while if because not never only
        did does do later too again herself present here there responsible
        """);

    /// <summary>Words that do not make a surname's lone mention a name: a particle of a surname ("von der Leyen").</summary>
    public static readonly HashSet<string> SurnameParticles = Set("""
        von van der den de del della di da du dos das le la ter ten al el bin ibn zu
        """);

    /// <summary>Words left out when the words of positions and organisations are compared.</summary>
    public static readonly HashSet<string> Stop = Set("""
        a an the of for and to at in on with de des du la le von der und fur pour et s
        """);
}
