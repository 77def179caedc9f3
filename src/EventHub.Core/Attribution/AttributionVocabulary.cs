using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>What kind of organisation or work a person is known by: the sectors and roles a description can narrow by.</summary>
[Flags]
internal enum Roles
{
    None = 0,
    Media = 1 << 0,
    Diplomacy = 1 << 1,
    Government = 1 << 2,
    EuInstitution = 1 << 3,
    International = 1 << 4,
    Parliament = 1 << 5,
    Lawmaker = 1 << 6,
    Academia = 1 << 7,
    ThinkTank = 1 << 8,
    CivilSociety = 1 << 9,
    Business = 1 << 10,
    Military = 1 << 11,
    Research = 1 << 12,
    Economist = 1 << 13,
    Lawyer = 1 << 14,
    Student = 1 << 15,

    /// <summary>"An official": someone working for a government, an EU institution, an international organisation or a parliament's staff.</summary>
    Official = Government | Diplomacy | EuInstitution | International | Parliament,
}

/// <summary>
/// The documented vocabulary from nouns and adjectives to sectors and roles ("a journalist" → the media; "a diplomat" →
/// embassies, missions, foreign ministries; "an academic" → universities), and how a person's roles are read from their
/// organisation's sector, their organisation's names and their position.
/// </summary>
internal static class AttributionVocabulary
{
    private static Dictionary<string, Roles> Map(params (string Words, Roles Roles)[] rows)
    {
        var map = new Dictionary<string, Roles>(StringComparer.Ordinal);
        foreach (var (words, roles) in rows)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[word] = map.GetValueOrDefault(word) | roles;
            }
        }

        return map;
    }

    /// <summary>Person nouns that name a sector or a kind of work: "the reporter present" is a group of one when one person from the media came.</summary>
    public static readonly Dictionary<string, Roles> RoleNouns = Map(
        ("journalist journalists reporter reporters correspondent correspondents columnist columnists broadcaster broadcasters newsman newswoman", Roles.Media),
        ("diplomat diplomats envoy envoys emissary emissaries attache attaches", Roles.Diplomacy),
        ("academic academics scholar scholars lecturer lecturers don dons", Roles.Academia),
        ("researcher researchers analyst analysts think-tanker think-tankers thinktanker", Roles.Research | Roles.Academia | Roles.ThinkTank),
        ("campaigner campaigners activist activists advocate advocates", Roles.CivilSociety),
        ("lawmaker lawmakers legislator legislators parliamentarian parliamentarians mp mps", Roles.Lawmaker),
        ("official officials bureaucrat bureaucrats functionary functionaries policymaker policymakers civil-servant civil-servants", Roles.Official),
        ("businessman businessmen businesswoman businesswomen businesspeople executive executives entrepreneur entrepreneurs industrialist industrialists banker bankers", Roles.Business),
        ("soldier soldiers", Roles.Military),
        ("economist economists", Roles.Economist),
        ("lawyer lawyers jurist jurists attorney attorneys", Roles.Lawyer),
        ("student students doctoral-student postgraduate postgraduates", Roles.Student));

    /// <summary>Person nouns that say nothing about who someone is: they count only with a nationality, sector, organisation or position.</summary>
    public static readonly HashSet<string> GenericNouns = new(
        """
        participant participants person persons people someone somebody speaker speakers attendee attendees guest guests
        colleague colleagues expert experts voice voices delegate delegates representative representatives member members
        contributor contributors panellist panellists panelist panelists observer observers practitioner practitioners
        interlocutor interlocutors counterpart counterparts individual individuals figure figures insider insiders
        staffer staffers man men woman women professional professionals specialist specialists delegation delegations
        officer officers
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Words before a person noun that name a sector: "an academic economist", "a press representative", "the only NGO voice".</summary>
    public static readonly Dictionary<string, Roles> RoleAdjectives = Map(
        ("press media journalistic", Roles.Media),
        ("diplomatic embassy", Roles.Diplomacy),
        ("government governmental ministry ministerial", Roles.Government),
        ("academic university", Roles.Academia),
        ("think-tank", Roles.ThinkTank),
        ("ngo ngos civil-society campaigning", Roles.CivilSociety),
        ("parliamentary", Roles.Parliament | Roles.Lawmaker),
        ("business corporate industry private-sector banking", Roles.Business),
        ("military defence defense army", Roles.Military),
        ("legal", Roles.Lawyer));

    /// <summary>What follows "from" or "in" to name a sector: "someone from academia", "a voice from civil society", "from a think tank".</summary>
    public static readonly Dictionary<string, Roles> SectorNouns = Map(
        ("media press newspaper newspapers broadcaster", Roles.Media),
        ("embassy embassies consulate consulates", Roles.Diplomacy),
        ("government governments ministry ministries administration", Roles.Government),
        ("academia university universities", Roles.Academia),
        ("think-tank think-tanks", Roles.ThinkTank),
        ("ngo ngos charity charities", Roles.CivilSociety),
        ("parliament parliaments", Roles.Parliament),
        ("business businesses industry company companies", Roles.Business),
        ("military army", Roles.Military));

    /// <summary>Two-word sector phrases: "think tank", "civil society", "private sector", "foreign ministry".</summary>
    public static readonly Dictionary<(string, string), Roles> SectorPhrases = new()
    {
        [("think", "tank")] = Roles.ThinkTank,
        [("think", "tanks")] = Roles.ThinkTank,
        [("civil", "society")] = Roles.CivilSociety,
        [("private", "sector")] = Roles.Business,
        [("foreign", "ministry")] = Roles.Diplomacy,
        [("foreign", "office")] = Roles.Diplomacy,
        [("armed", "forces")] = Roles.Military,
        [("civil", "servant")] = Roles.Official,
        [("civil", "servants")] = Roles.Official,
        [("eu", "institutions")] = Roles.EuInstitution,
        [("international", "organisations")] = Roles.International,
        [("international", "organizations")] = Roles.International,
    };

    /// <summary>Seniority words: "a senior diplomat" needs a senior position.</summary>
    public static readonly HashSet<string> SeniorWords = new(["senior", "high-ranking", "high-level", "top", "veteran", "leading"], StringComparer.Ordinal);

    public static readonly HashSet<string> JuniorWords = new(["junior", "young", "early-career"], StringComparer.Ordinal);

    /// <summary>Words before a person noun that single them out: "the only NGO voice", "the sole diplomat".</summary>
    public static readonly HashSet<string> Singling = new(["only", "sole", "lone", "single", "one"], StringComparer.Ordinal);

    /// <summary>Words after a description that place the person at the meeting: "the reporter present", "the diplomat in the room".</summary>
    public static readonly HashSet<string> Presence = new(["present", "attending", "there"], StringComparer.Ordinal);

    // ---- Reading a person's roles ----------------------------------------------------------------------------------

    private static readonly Dictionary<string, Roles> OrganisationWords = Map(
        ("news newspaper radio television tv broadcasting broadcaster media press gazette magazine journal reuters politico euractiv bbc afp bloomberg", Roles.Media),
        ("embassy embassies consulate mission eeas", Roles.Diplomacy | Roles.Government),
        ("ministry ministerie ministere ministerium bundesministerium government chancellery presidency cabinet amt auswartiges", Roles.Government),
        ("nato osce oecd unhcr undp unicef iom imf wto", Roles.International),
        ("parliament bundestag senate congress assembly", Roles.Parliament),
        ("university universiteit universite universitat universidad universita college academy", Roles.Academia),
        ("institute institut instituut istituto centre center council forum foundation stiftung fondation studies policy", Roles.ThinkTank),
        ("ngo network alliance campaign watch amnesty oxfam association coalition charity initiative", Roles.CivilSociety),
        ("ltd gmbh inc plc llc corporation company consulting consultancy holdings industries technologies", Roles.Business),
        ("military army navy defence defense", Roles.Military));

    private static readonly Dictionary<string, Roles> PositionWords = Map(
        ("journalist correspondent reporter editor columnist journalism broadcaster", Roles.Media),
        ("ambassador diplomat attache counsellor counselor consul envoy charge", Roles.Diplomacy),
        ("professor lecturer dean rector phd doctoral postdoctoral scholar", Roles.Academia),
        ("researcher research analyst fellow scholar studies", Roles.Research),
        ("activist campaigner advocacy advocate", Roles.CivilSociety),
        ("mep mp senator parliamentarian legislator", Roles.Lawmaker | Roles.Parliament),
        ("ceo cfo coo executive entrepreneur consultant banker", Roles.Business),
        ("general brigadier colonel admiral lieutenant commander military", Roles.Military),
        ("economist economics", Roles.Economist),
        ("lawyer legal counsel jurist attorney", Roles.Lawyer),
        ("student phd candidate intern trainee", Roles.Student));

    private static readonly HashSet<string> SeniorPositionWords = new(
        ["senior", "head", "director", "director-general", "chief", "ambassador", "minister", "president", "chair", "chairman", "chairwoman",
         "principal", "professor", "general", "brigadier", "admiral", "commissioner", "secretary-general", "dean", "rector", "mep", "deputy", "ceo", "founder"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> JuniorPositionWords = new(
        ["junior", "assistant", "intern", "trainee", "candidate", "student", "phd", "associate", "graduate"],
        StringComparer.Ordinal);

    /// <summary>The roles of a person, from their organisation's (or their own) sector, their organisation's names and their position.</summary>
    public static Roles RolesOf(Sector? sector, IEnumerable<string> organisationNames, string? position) =>
        RolesOf(sector, NameRoles(organisationNames), position);

    /// <summary>The roles an organisation's names suggest ("Embassy of ..." → diplomacy), before its declared sector.</summary>
    public static Roles NameRoles(IEnumerable<string> organisationNames)
    {
        var fromNames = Roles.None;
        foreach (var name in organisationNames)
        {
            var folded = AttributionText.FoldedWords(name);
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words)
            {
                fromNames |= OrganisationWords.GetValueOrDefault(word);
            }

            if (folded.Contains("foreign affairs", StringComparison.Ordinal) || folded.Contains("foreign office", StringComparison.Ordinal)
                || folded.Contains("external action", StringComparison.Ordinal) || folded.Contains("permanent representation", StringComparison.Ordinal))
            {
                fromNames |= Roles.Diplomacy | Roles.Government;
            }

            if (folded.StartsWith("eu ", StringComparison.Ordinal) || folded.Contains("european commission", StringComparison.Ordinal)
                || folded.Contains("european union", StringComparison.Ordinal) || folded.Contains("european external", StringComparison.Ordinal)
                || folded.Contains("council of the eu", StringComparison.Ordinal) || folded.Contains("european investment bank", StringComparison.Ordinal)
                || folded.Contains("european parliament", StringComparison.Ordinal) || folded == "commission" || folded.StartsWith("dg ", StringComparison.Ordinal))
            {
                fromNames |= Roles.EuInstitution;
            }

            // A bank is a business, except a central, national or multilateral one ("Bank of Finland", "World Bank").
            if (words.Contains("bank") && !words.Any(w => w is "central" or "national" or "world" or "development" or "investment" or "reserve" or "european" or "of"))
            {
                fromNames |= Roles.Business;
            }

            if (folded.Contains("united nations", StringComparison.Ordinal) || folded.Contains("world bank", StringComparison.Ordinal)
                || folded.Contains("council of europe", StringComparison.Ordinal) || folded.Contains("organization for", StringComparison.Ordinal)
                || folded.Contains("organisation for", StringComparison.Ordinal) || folded.Contains("north atlantic", StringComparison.Ordinal)
                || folded.Contains("international monetary", StringComparison.Ordinal))
            {
                fromNames |= Roles.International;
            }
        }

        // A think-tank word ("Centre", "Council") inside a ministry, an EU body or a university says nothing more.
        if ((fromNames & (Roles.Government | Roles.EuInstitution | Roles.International | Roles.Academia | Roles.Parliament | Roles.Media)) != 0)
        {
            fromNames &= ~Roles.ThinkTank;
        }

        if ((fromNames & (Roles.EuInstitution | Roles.International)) != 0)
        {
            fromNames &= ~(Roles.Business | Roles.CivilSociety);
        }

        return fromNames;
    }

    /// <summary>The roles of a person from the declared sector, the roles of their organisation's names and their position.</summary>
    public static Roles RolesOf(Sector? sector, Roles fromNames, string? position)
    {
        var roles = sector switch
        {
            Sector.EuInstitution => Roles.EuInstitution,
            Sector.Nato or Sector.InternationalOrganisation => Roles.International,
            Sector.NationalGovernment => Roles.Government,
            Sector.Parliament => Roles.Parliament,
            Sector.Academia => Roles.Academia,
            Sector.ThinkTank => Roles.ThinkTank,
            Sector.Media => Roles.Media,
            Sector.PrivateSector => Roles.Business,
            Sector.CivilSociety => Roles.CivilSociety,
            _ => Roles.None,
        };

        // A declared sector wins over what the name suggests, except for the kinds of work inside it (diplomacy, media).
        roles |= roles == Roles.None ? fromNames : fromNames & (Roles.Diplomacy | Roles.Parliament | Roles.Military);

        if (!string.IsNullOrWhiteSpace(position))
        {
            var folded = AttributionText.FoldedWords(position);
            foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                roles |= PositionWords.GetValueOrDefault(word);
            }

            // "Member of Parliament", "Member of the European Parliament", "Member of the Bundestag"
            if (folded.StartsWith("member of", StringComparison.Ordinal) && (folded.Contains("parliament", StringComparison.Ordinal) || folded.Contains("bundestag", StringComparison.Ordinal)
                || folded.Contains("assembly", StringComparison.Ordinal) || folded.Contains("senate", StringComparison.Ordinal) || folded.Contains("congress", StringComparison.Ordinal)))
            {
                roles |= Roles.Lawmaker | Roles.Parliament;
            }
        }

        if ((roles & (Roles.Academia | Roles.ThinkTank)) != 0)
        {
            roles |= Roles.Research;
        }

        return roles;
    }

    /// <summary>Seniority read from the position: +1 senior, -1 junior, 0 unknown or neither.</summary>
    public static int SeniorityOf(string? position)
    {
        if (string.IsNullOrWhiteSpace(position))
        {
            return 0;
        }

        var words = AttributionText.FoldedWords(position).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(JuniorPositionWords.Contains))
        {
            return -1;
        }

        return words.Any(SeniorPositionWords.Contains) ? 1 : 0;
    }

    // ---- Organisation paraphrases ---------------------------------------------------------------------------------

    private static readonly HashSet<string> ConceptStop = new(
        ["the", "of", "for", "and", "to", "in", "on", "at", "de", "des", "du", "la", "le", "der", "die", "das", "und", "van", "het", "affairs", "federal", "royal", "national", "permanent", "s"],
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ConceptSynonyms = new(StringComparer.Ordinal)
    {
        ["ministerie"] = "ministry", ["ministere"] = "ministry", ["ministerium"] = "ministry", ["office"] = "ministry", ["department"] = "ministry",
        ["center"] = "centre", ["organization"] = "organisation", ["program"] = "programme", ["defense"] = "defence",
        ["universiteit"] = "university", ["universite"] = "university", ["universitat"] = "university", ["universidad"] = "university", ["universita"] = "university", ["univ"] = "university",
        ["institut"] = "institute", ["instituut"] = "institute", ["istituto"] = "institute",
        ["stiftung"] = "foundation", ["fondation"] = "foundation", ["fundacion"] = "foundation",
        ["embassies"] = "embassy", ["ministries"] = "ministry", ["eu"] = "#EU", ["mfa"] = "foreign ministry",
    };

    /// <summary>
    /// The concepts of an organisation's name, as a set: stop words and "affairs", "federal", "royal" left out, synonyms
    /// joined ("office" and "ministry"), countries and demonyms made one code ("Dutch", "the Netherlands" → #NL), "European
    /// Union" and "EU" one. "Ministry of Foreign Affairs of the Netherlands" and "Dutch foreign ministry" have the same set.
    /// </summary>
    public static List<string> Concepts(IReadOnlyList<string> folded)
    {
        var concepts = new List<string>();
        var countries = AttributionData.Countries;
        for (var i = 0; i < folded.Count; i++)
        {
            var word = folded[i];
            if (word == "european" && i + 1 < folded.Count && folded[i + 1] == "union")
            {
                AddConcept(concepts, "#EU");
                i++;
                continue;
            }

            if (countries.ByFirstWord.TryGetValue(word, out var entries))
            {
                var best = entries.Where(e => e.Form != CountryForm.Capital && Matches(folded, i, e.Words)).MaxBy(e => e.Words.Length);
                if (best is not null)
                {
                    AddConcept(concepts, "#" + best.Code);
                    i += best.Words.Length - 1;
                    continue;
                }
            }

            if (ConceptStop.Contains(word))
            {
                continue;
            }

            var concept = ConceptSynonyms.GetValueOrDefault(word) ?? Singular(word);
            foreach (var part in concept.Split(' '))
            {
                AddConcept(concepts, part);
            }
        }

        return concepts;
    }

    private static void AddConcept(List<string> concepts, string concept)
    {
        if (!concepts.Contains(concept))
        {
            concepts.Add(concept);
        }
    }

    private static bool Matches(IReadOnlyList<string> folded, int at, string[] words)
    {
        if (at + words.Length > folded.Count)
        {
            return false;
        }

        for (var w = 0; w < words.Length; w++)
        {
            if (folded[at + w] != words[w])
            {
                return false;
            }
        }

        return true;
    }

    private static string Singular(string word) =>
        word.Length > 4 && word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)
            ? (word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word[..^1])
            : word;
}
