using System.Globalization;
using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// The first draft of a report, shaped like the founding example (title, the event's facts, the study's findings, the
/// discussion, closing remarks, outcomes) with what the event already knows filled in. The italic prompts say what
/// belongs in each part and what must not: nothing said in the discussion is attributed.
/// </summary>
public static class ReportTemplate
{
    public sealed record Facts(
        Event Event,
        IReadOnlyList<string> CoOrganisers,
        int Participants,
        IReadOnlyList<Sector> Sectors,
        IReadOnlyList<string> StudyTitles,
        IReadOnlyList<AgendaItem> OnTheRecordItems,
        ConsentScope? HostConsent = null);

    public static string Build(Facts facts)
    {
        var e = facts.Event;
        var local = EventTime.ToLocal(e.StartsAtUtc, e.TimeZoneId);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(e.Title).AppendLine();
        md.AppendLine(local.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))).AppendLine();
        md.AppendLine(e.City ?? "_City_").AppendLine();
        md.AppendLine("Authors: _the rapporteurs' names (" + (e.Organisation?.Name ?? "organisation") + ")_").AppendLine();
        md.AppendLine("---").AppendLine();

        var organiser = e.Organisation?.Name ?? "_the organiser_";
        var cooperation = facts.CoOrganisers.Count > 0 ? $"In cooperation with {JoinAnd(facts.CoOrganisers)}, the " : "The ";
        md.Append(cooperation).Append(organiser).Append(" organised a closed-door background talk under the Chatham House Rule, “")
            .Append(e.Title).Append("”.");
        // The host is named only with their recorded consent (with their title and position only when they allowed their affiliation).
        if (!string.IsNullOrWhiteSpace(e.HostName))
        {
            md.Append(" The event was hosted by ").Append(facts.HostConsent switch
            {
                ConsentScope.NameAndAffiliation => e.HostName.Trim(),
                ConsentScope.NameOnly => BuildAttributionContext.SplitTitle(e.HostName).Name,
                _ => "_the host (name them only with their recorded consent)_",
            }).Append('.');
        }

        // The real number of approved attendees; their sectors in aggregate, and none for a single attendee (it would point to them).
        md.Append(" It brought together ")
            .Append(facts.Participants switch { 0 => "_N experts_", 1 => "one expert", _ => $"{facts.Participants} experts" });
        md.Append(facts.Participants == 1 ? "." : facts.Sectors.Count > 0
            ? " from " + JoinAnd(facts.Sectors.Select(SectorPhrase).ToList()) + "."
            : " from _the sectors represented (never their names)_.");
        md.AppendLine();
        md.AppendLine();

        md.AppendLine("## The study's findings").AppendLine();
        md.AppendLine(facts.StudyTitles.Count > 0
            ? $"_Summarise the findings of the study “{facts.StudyTitles[0]}”. Its author may be named: the study is published._"
            : "_Summarise the findings of the study or pre-read. Its author may be named: the study is published._");
        md.AppendLine();

        md.AppendLine("## The discussion").AppendLine();
        md.AppendLine("_What was said, attributed to nobody: “participants noted”, “one expert argued”. No names, no organisations, no positions that point to a person._");
        md.AppendLine();

        md.AppendLine("## Closing remarks").AppendLine();
        md.AppendLine(facts.OnTheRecordItems.Count > 0
            ? "_On the record: " + string.Join("; ", facts.OnTheRecordItems.Select(i => i.Title)) + ". Name a speaker only with their recorded consent._"
            : "_Remarks on the record may be named only with the speaker's recorded consent._");
        md.AppendLine();

        md.AppendLine("## Outcomes").AppendLine();
        md.AppendLine("_What follows: a policy paper, next steps, publications._");
        return md.ToString();
    }

    private static string SectorPhrase(Sector sector) => sector switch
    {
        Sector.EuInstitution => "the institutions of the European Union",
        Sector.Nato => "NATO",
        Sector.InternationalOrganisation => "international organisations",
        Sector.NationalGovernment => "national governments",
        Sector.Parliament => "parliaments",
        Sector.Academia => "academia",
        Sector.ThinkTank => "the think tank sector",
        Sector.Media => "the media",
        Sector.PrivateSector => "the private sector",
        Sector.CivilSociety => "civil society",
        _ => SectorNames.Label(sector).ToLowerInvariant(),
    };

    private static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
