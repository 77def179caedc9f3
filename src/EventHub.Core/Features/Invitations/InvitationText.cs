using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Invitations;

/// <summary>
/// The placeholders an organiser may use in an invitation's subject and message, resolved per invitee.
/// Dates are written in the event's time zone with its abbreviation.
/// </summary>
public static partial class InvitationText
{
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["{name}"] = "the invitee's name",
        ["{event}"] = "the event's title",
        ["{date}"] = "the event's date and time, in its time zone",
        ["{city}"] = "the city (the exact venue is shown only after approval)",
        ["{host}"] = "who hosts the meeting",
        ["{organiser}"] = "the organising organisation",
    };

    public const string DefaultSubject = "Invitation: {event}";

    public const string DefaultMessage =
        "Dear {name},\n\n{organiser} has the pleasure of inviting you to a closed-door background talk, \"{event}\", on {date} in {city}, hosted by {host}.\n\n"
        + "The meeting is held under the Chatham House Rule and by invitation only. Please let us know whether you can attend by using your personal link below; it is meant for you alone.\n\n"
        + "With kind regards";

    /// <summary>Placeholders in the text that EventHub does not know; an organiser must fix them before sending.</summary>
    public static IReadOnlyList<string> Unknown(string? text) =>
        Placeholder().Matches(text ?? "").Select(m => m.Value).Where(p => !Placeholders.ContainsKey(p.ToLowerInvariant())).Distinct().ToList();

    /// <param name="t">The reader's language: dates and the words that stand in for a missing city or host are written in it.</param>
    public static string Resolve(string text, Event e, string inviteeName, Localization.Texts? t = null)
    {
        var values = new Dictionary<string, string>
        {
            ["{name}"] = inviteeName,
            ["{event}"] = e.Title,
            ["{date}"] = t?.DateTime(e.StartsAtUtc, e.TimeZoneId) ?? EventTime.Format(e.StartsAtUtc, e.TimeZoneId),
            ["{city}"] = e.City ?? t?["Placeholder.City"] ?? "the venue",
            ["{host}"] = e.HostName ?? e.Organisation?.Name ?? t?["Placeholder.Organisers"] ?? "the organisers",
            ["{organiser}"] = e.Organisation?.Name ?? t?["Placeholder.OrganisersStart"] ?? "The organisers",
        };
        return Placeholder().Replace(text, m => values.TryGetValue(m.Value.ToLowerInvariant(), out var v) ? v : m.Value);
    }

    [GeneratedRegex(@"\{[A-Za-z_]+\}")]
    private static partial Regex Placeholder();
}
