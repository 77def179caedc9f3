namespace EventHub.Core.Attribution;

/// <summary>The small vocabularies the check needs: common English words, titles, positions, nouns for people, speech verbs.</summary>
internal static class AttributionWords
{
    private static HashSet<string> Set(string words) =>
        new(words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>
    /// Ordinary English words that are also surnames or acronyms ("Young", "May", "Will", "CAN", "WHO"): such a surname alone
    /// is a name only when capitalised in mid-sentence (or with a title, an initial or a first name); such an acronym only
    /// in capitals outside a run of capitals.
    /// </summary>
    public static readonly HashSet<string> Common = Set("""
        a about above across act add after again against age ago agree ahead aid aim air all allow almost alone along also
        although always am among an and another answer any anyone anything are area arm army around art as ask at away back
        bad bank bar base be bear beat because bed been before began behind being bell below best better between big bill
        bird bit black blue board boat body bond book born both box boy bridge bright bring brook brown build burn bush busy
        but buy by call came camp can cannot cap capital car card care carry case cash castle cause center centre chair
        chance change chapel charge chase check chief child church city clay clear close coach coast cold come common cook
        cooper copper corn cost could count country course court cover cross crown cut dale dark day dead deal dean dear
        deep did die do does dog done door down draw drive drop dry duke during each early earl earth east easy eat edge
        else end english enough even ever every eye face fact fair faith fall far farm farmer fast father few field fight
        find fine fire first fish fisher five flat floor fly follow foot for force ford forest form forward four fox frank
        free french fresh friend from front frost full gain game garden gate gave general german get give glass go god gold
        golden good got grace grant gray great green grey ground group grow guard gun had half hall hand hard has have he
        head hear heart heat held help her here high hill him his hold hole home hope horse hot house how however hunt
        hunter i if in into iron is island it its job john join joy just keep key kind king knight know lake lamb land
        lane large last late law lay lead leaf learn least leave left less let letter level lie life light like line lion
        little live lock long look lord lot love low made main major make man many march mark market mason master may me
        mean meet mill miller mind miss moon more moore morning most mother mount move much must my name near need never
        new next nice night no noble none north not note now number of off often oil old on once one only open or order
        other our out over own page paint palmer park part pass past pay peace people person pick piece pike place plain
        plan plant play point pool poor pope post power press price prince put queen quick rain range rather reach read
        ready real red reed rest rich ride right ring rise river road rock room rose round rule run said salt same sand
        say sea season see seem self sell send set shall sharp she shield ship shore short should show side sign silver
        since sing singer single sir small smith snow so some son soon sound south speak spring square stand star start
        state stay steel step stern still stone stop storm story strong such summer sun sure swan sweet swift table take
        talk tall taylor tell than that the their them then there these they thing think this those though three through
        till time to today together too took top tower town tree true try turn turner two under unit until up upon us use
        very vine voice wait walk walker wall want war ward warm was watch water way we weak wear well wells were west what
        when where which while white who whole why wide will win wind winter wise with wolf wood woods word work world
        would wright write year yes yet you young your
        ai can do go he in is it me my no of on or so to up us we who why win man red hay law ray roy lee
        """);

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
        under-secretary undersecretary ceo founder dean rector editor correspondent head representative officer analyst
        researcher fellow professor lecturer diplomat delegate ambassadors
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
        acknowledged commented comments maintained maintains contended contends reported
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
