using EventHub.Core.Data;

namespace EventHub.Core.Features.Directory;

/// <summary>The words people use for a sector: shown in forms and exports, and accepted (with the enum names) in imports.</summary>
public static class SectorNames
{
    private static readonly IReadOnlyDictionary<Sector, string> Labels = new Dictionary<Sector, string>
    {
        [Sector.EuInstitution] = "EU institution",
        [Sector.Nato] = "NATO",
        [Sector.NationalGovernment] = "National government",
        [Sector.Parliament] = "Parliament",
        [Sector.Academia] = "Academia",
        [Sector.ThinkTank] = "Think-tank",
        [Sector.Media] = "Media",
        [Sector.PrivateSector] = "Private sector",
        [Sector.CivilSociety] = "Civil society",
        [Sector.Other] = "Other",
        [Sector.InternationalOrganisation] = "International organisation",
    };

    // Compared without case, spaces or punctuation: "Think-tank", "think tank" and "ThinkTank" are one value.
    private static readonly IReadOnlyDictionary<string, Sector> Accepted = BuildAccepted();

    public static string Label(Sector sector) => Labels[sector];

    /// <summary>"EU institution, NATO, …": what an import accepts, for error messages.</summary>
    public static string AcceptedList => string.Join(", ", InDisplayOrder.Select(Label));

    /// <summary>Every sector in the order forms list them: "Other" last.</summary>
    public static IReadOnlyList<Sector> InDisplayOrder { get; } = Enum.GetValues<Sector>().OrderBy(s => s == Sector.Other).ToList();

    /// <summary>An empty value is <see cref="Sector.Other"/>; an unknown one is false.</summary>
    public static bool TryParse(string? text, out Sector sector)
    {
        sector = Sector.Other;
        var key = Key(text);
        return key.Length == 0 || Accepted.TryGetValue(key, out sector);
    }

    private static Dictionary<string, Sector> BuildAccepted()
    {
        var accepted = new Dictionary<string, Sector>();
        foreach (var sector in Enum.GetValues<Sector>())
        {
            accepted[Key(sector.ToString())] = sector;
            accepted[Key(Labels[sector])] = sector;
        }

        accepted[Key("Government")] = Sector.NationalGovernment;
        // International organisations, as people write them in spreadsheets (British and American spelling, short forms).
        foreach (var spelling in new[]
                 {
                     "International organization", "International organisations", "International organizations", "Intergovernmental organisation",
                     "Intergovernmental organization", "International institution", "International", "IO", "IGO", "UN", "United Nations", "OSCE",
                 })
        {
            accepted[Key(spelling)] = Sector.InternationalOrganisation;
        }

        return accepted;
    }

    private static string Key(string? text) => new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
