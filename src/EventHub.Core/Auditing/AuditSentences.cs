using System.Text.RegularExpressions;
using EventHub.Core.Data;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Auditing;

/// <summary>What a sentence is built from: who acted (a display name, or null for EventHub itself or a person by link) and the entry's details.</summary>
public sealed record AuditFacts(string? Actor, string? Details);

/// <summary>
/// The one place that turns every audit action code into plain words: a short label for filters ("Registration
/// approved") and a sentence for an entry ("Anna Weber was approved by Host office, decided by Clara Schmidt.").
/// AuditSentencesTests reads every code the application writes and fails when one has no sentence here.
/// </summary>
public static partial class AuditSentences
{
    private sealed record Wording(string Label, Func<AuditFacts, string> Sentence);

    private static readonly Dictionary<string, Wording> Wordings = new(StringComparer.Ordinal)
    {
        // The event and its preparation
        ["event.created"] = W("Event created", f => $"{Who(f)} created the event{Quoted(f)}."),
        ["event.updated"] = W("Event details changed", f => $"{Who(f)} changed the event's details{Quoted(f)}."),
        ["event.copied"] = W("Event created from a previous one", f => $"{Who(f)} created this event from a previous one{Colon(f)}."),
        ["event.report-reviewer-groups"] = W("Report reviewer groups changed", f => $"{Who(f)} set the groups that review the report{Colon(f)}."),
        ["event.approver-groups"] = W("Approver groups changed", f => $"{Who(f)} set the groups that approve registrations{Colon(f)}."),
        ["agenda.added"] = W("Agenda item added", f => $"{Who(f)} added the agenda item{Quoted(f)}."),
        ["agenda.updated"] = W("Agenda item changed", f => $"{Who(f)} changed the agenda item{Quoted(f)}."),
        ["agenda.removed"] = W("Agenda item removed", f => $"{Who(f)} removed the agenda item{Quoted(f)}."),
        ["question.added"] = W("Form question added", f => $"{Who(f)} added the registration question{Quoted(f)}."),
        ["question.updated"] = W("Form question changed", f => $"{Who(f)} changed the registration question{Quoted(f)}."),
        ["question.removed"] = W("Form question removed", f => $"{Who(f)} removed the registration question{Quoted(f)}."),
        ["registration.settings"] = W("Registration settings changed", f => $"{Who(f)} changed the registration settings{Colon(f)}."),
        ["access.settings"] = W("Access-list settings changed", f => $"{Who(f)} changed what the access list holds{Colon(f)}."),
        ["reminder.added"] = W("Reminder added", f => $"{Who(f)} added a reminder{Colon(f)}."),
        ["reminder.updated"] = W("Reminder changed", f => $"{Who(f)} changed a reminder{Colon(f)}."),
        ["retention.policy-changed"] = W("Retention policy changed", f => $"{Who(f)} changed how long personal data is kept{Colon(f)}."),
        ["team.role-assigned"] = W("Team role given", f => $"{Who(f)} gave a team role{Colon(f)}."),
        ["team.role-removed"] = W("Team role removed", f => $"{Who(f)} removed a team role{Colon(f)}."),
        ["tag.created"] = W("Tag created", f => $"{Who(f)} created the tag{Quoted(f)}."),
        ["tag.updated"] = W("Tag changed", f => $"{Who(f)} changed the tag{Quoted(f)}."),
        ["tag.deleted"] = W("Tag removed", f => $"{Who(f)} removed the tag{Colon(f)}."),
        ["saved-text.saved"] = W("Text saved for reuse", f => $"{Who(f)} saved a text for the organisation{Colon(f)}."),
        ["saved-text.updated"] = W("Saved text updated", f => $"{Who(f)} updated a saved text{Colon(f)}."),
        ["saved-text.deleted"] = W("Saved text removed", f => $"{Who(f)} removed a saved text{Colon(f)}."),

        // Invitations and the directory
        ["invitations.sent"] = W("Invitations sent", f => $"{Who(f)} sent invitations{Colon(f)}."),
        ["invitation.resent"] = W("Invitation resent", f => $"{Who(f)} resent the invitation{To(f)}."),
        ["invitation.revoked"] = W("Invitation withdrawn", f => $"{Who(f)} withdrew the invitation{To(f)}."),
        ["contact.created"] = W("Expert added to the directory", f => $"{Who(f)} added an expert to the directory."),
        ["contact.updated"] = W("Expert's entry changed", f => $"{Who(f)} changed an expert's entry in the directory."),
        ["contact.do-not-contact.on"] = W("Expert marked do-not-contact", f => $"{Who(f)} marked an expert as not to be contacted."),
        ["contact.do-not-contact.off"] = W("Do-not-contact lifted", f => $"{Who(f)} allowed an expert to be contacted again."),
        ["contact.unsubscribed"] = W("Expert stopped invitations", f => $"An expert asked to receive no more invitations{Colon(f)}."),
        ["contacts.imported"] = W("Experts imported", f => $"{Who(f)} imported experts into the directory{Colon(f)}."),

        // Registrations and vetting
        ["registration.approval"] = W("Registration approved", f => Decision(f, "approved")),
        ["registration.rejected"] = W("Registration rejected", f => Decision(f, "rejected")),
        ["registration.waitlisted"] = W("Registration waitlisted", f => Decision(f, "waitlisted")),
        ["registration.over-capacity"] = W("Approved beyond capacity", f => $"{Who(f)} approved {Subject(f, " approved beyond capacity")} beyond the event's capacity{Reason(f)}."),
        ["registration.offered"] = W("Freed place offered", f => $"{Subject(f, " offered a freed place", "A waitlisted person")} was offered a freed place{After(f, " until ", " until ")}."),
        ["registration.offer-accepted"] = W("Offered place taken", f => $"{Subject(f, " accepted the offered place", "A waitlisted person")} took up the offered place."),
        ["registration.offer-expired"] = W("Offered place not taken", f => $"{Subject(f, " did not take up", "A waitlisted person")} did not take up the offered place in time; the registration is cancelled."),
        ["registration.cancelled"] = W("Registration cancelled", f => $"{Subject(f, " cancelled", "An attendee")} cancelled their registration{(f.Details?.Contains("place given back", StringComparison.Ordinal) == true ? "; the place was given back" : "")}."),
        ["registration.details-changed"] = W("Attendee changed their details", f => $"An attendee changed their details{Colon(f)}."),
        ["registration.returned-to-vetting"] = W("Back to vetting after a change", f => $"{Subject(f, " changed", "An approved attendee")} changed their details after approval{After(f, " changed ", " (", " after approval")}{(f.Details?.Contains(" changed ", StringComparison.Ordinal) == true ? ")" : "")} and is back in vetting."),
        ["registration.security-data-viewed"] = W("Security data viewed", f => $"{Who(f)} viewed the security data of {f.Details ?? "a registrant"}."),
        ["registration.tagged"] = W("Tag added to a registration", f => $"{Who(f)} tagged {TagSentence(f)}."),
        ["registration.untagged"] = W("Tag taken off a registration", f => $"{Who(f)} took the tag off {TagSentence(f)}."),
        ["registrants.messaged"] = W("Message sent to registrants", f => $"{Who(f)} sent a message{Colon(f)}."),
        ["data.exported"] = W("Data exported", f => $"{Who(f)} exported {Lower(f.Details) ?? "the event's data"}."),
        ["activity.exported"] = W("Activity exported", f => $"{Who(f)} exported the event's activity{Colon(f)}."),
        ["pass.reissued"] = W("Access pass reissued", f => $"{Who(f)} reissued an access pass{Colon(f)}."),
        ["pass.revoked"] = W("Access pass revoked", f => $"{Who(f)} revoked an access pass{Colon(f)}."),

        // The day
        ["access-list.exported"] = W("Access list exported", f => $"{Who(f)} exported the access list for building security{Colon(f)}."),
        ["document.uploaded"] = W("Document uploaded", f => $"{Who(f)} uploaded the document{Quoted(f)}."),
        ["document.deleted"] = W("Document deleted", f => $"{Who(f)} deleted the document{Quoted(f)}."),
        ["document.downloaded"] = W("Document downloaded", f => $"The document{Quoted(f)} was downloaded."),
        ["door.settings"] = W("Door settings changed", f => $"{Who(f)} changed the door's settings{Colon(f)}."),
        ["door.session.open"] = W("Door device signed in", f => $"{Who(f)} opened a door session for a device{After(f, "Door session ", ": ", " opened")}{After(f, ", until ", ", until ")}."),
        ["door.session.revoke"] = W("Door device signed out by an organiser", f => $"{Who(f)} ended a door session{After(f, "Door session ", ": ", " revoked")}; the device erases its list."),
        ["door.session.end"] = W("Door device signed out", f => $"A door session{After(f, "Door session ", " ", " signed out")} was signed out on its device."),
        ["door.print"] = W("Door material printed", f => $"{Who(f)} printed material for the door{Colon(f)}."),
        ["door.override"] = W("Admitted at the door by override", f => $"{Who(f)} admitted someone at the door by override{Colon(f)}."),

        // The report
        ["report.created"] = W("Report started", f => $"{Who(f)} started the report from the template."),
        ["report.saved"] = W("Report saved", f => $"{Who(f)} saved the report{Colon(f)}."),
        ["report.comment"] = W("Comment on the report", f => $"{Who(f)} commented on the report{Colon(f)}."),
        ["report.finding-dismissed"] = W("Attribution finding dismissed", f => $"{Who(f)} dismissed a non-attribution finding{Colon(f)}."),
        ["report.submitted"] = W("Report submitted for review", f => $"{Who(f)} submitted the report for review{Colon(f)}."),
        ["report.review-approved"] = W("Report approved by a reviewer group", f => $"The report was approved by {GroupFirst(f, " approved")}{DecidedBy(f)}."),
        ["report.changes-requested"] = W("Changes to the report requested", f => $"{GroupFirst(f, " asked for changes", "A reviewer group")} asked for changes to the report{DecidedBy(f)}{After(f, ": ", ": ")}."),
        ["report.approved"] = W("Report approved", f => $"The report was approved by every reviewer group{Colon(f)}."),
        ["report.returned-to-draft"] = W("Report back to draft", f => $"The report went back to draft because its text changed{Colon(f)}."),
        ["report.exported"] = W("Report exported to Word", f => $"{Who(f)} exported the report as a Word document{Colon(f)}."),
        ["report.circulated"] = W("Summary circulated", f => $"{Who(f)} circulated the summary{Colon(f)}."),
        ["report.circulation-resent"] = W("Circulation resent", f => $"{Who(f)} resent the summary to those it failed to reach{Colon(f)}."),
        ["report.notes-erased"] = W("Rapporteur notes erased", f => $"Rapporteur notes were erased when the summary was circulated{Colon(f)}."),
        ["report.published"] = W("Report published", f => $"{Who(f)} published the report{Colon(f)}."),
        ["report.unpublished"] = W("Report unpublished", f => $"{Who(f)} withdrew the report's public page{Colon(f)}."),
        ["consent.requested"] = W("On-record consent requested", f => $"{Who(f)} asked for consent to be named on the record{Colon(f)}."),
        ["consent.recorded"] = W("On-record consent recorded", f => $"{Who(f)} recorded consent to be named on the record{Colon(f)}."),
        ["consent.confirmed"] = W("On-record consent confirmed", f => $"A person confirmed their consent to be named on the record{Colon(f)}."),
        ["consent.declined"] = W("On-record consent declined", f => $"A person declined to be named on the record{Colon(f)}."),
        ["consent.withdrawn"] = W("On-record consent withdrawn", f => $"Consent to be named on the record was withdrawn{Colon(f)}."),

        // Retention and people's rights
        ["retention.security-data-erased"] = W("Security data erased", f => $"EventHub erased the security data{Colon(f)}."),
        ["retention.personal-data-anonymised"] = W("Personal data anonymised", f => $"EventHub anonymised the attendees' personal data{Colon(f)}."),
        ["retention.report-notes-erased"] = W("Rapporteur notes erased", f => $"EventHub erased the rapporteur's notes{Colon(f)}."),
        ["person.exported"] = W("A person's data exported", f => $"{Who(f)} exported everything held about a person{Colon(f)}."),
        ["person.erased"] = W("A person's data erased", f => $"{Who(f)} erased a person's data{Colon(f)}."),

        // The installation
        ["outbox.message-viewed"] = W("Email opened in the outbox", f => $"{Who(f)} opened the email{Quoted(f)} in the outbox."),
        ["outbox.message-downloaded"] = W("Email downloaded from the outbox", f => $"{Who(f)} downloaded the email{Quoted(f)} with its attachments."),
        ["organisation.created"] = W("Organisation added", f => $"{Who(f)} added the organisation{Quoted(f)}."),
        ["organisation.updated"] = W("Organisation changed", f => $"{Who(f)} changed the organisation{Quoted(f)}."),
        ["staff.invited"] = W("Staff member invited", f => $"{Who(f)} invited a staff member{Colon(f)}."),
        ["staff.organisation-roles"] = W("Organisation roles changed", f => $"{Who(f)} changed a staff member's organisation roles{Colon(f)}."),
        ["staff.sso-created"] = W("Account created by single sign-on", f => $"A staff account was created at the first single sign-on{Colon(f)}."),
        ["staff.sso-linked"] = W("Account linked to single sign-on", f => $"A staff account was linked to single sign-on{Colon(f)}."),
    };

    /// <summary>Every action code that has plain words.</summary>
    public static IReadOnlyCollection<string> KnownActions => Wordings.Keys;

    public static bool Knows(string action) => Wordings.ContainsKey(action);

    /// <summary>A short label for the action ("Registration approved"); an unknown code is shown as words from the code itself.</summary>
    public static string Label(string action) => Wordings.TryGetValue(action, out var w) ? w.Label : Humanise(action);

    /// <summary>The entry as a sentence. <paramref name="actor"/> is the person's display name (null: EventHub, or a person through their link).</summary>
    public static string Describe(string action, string? actor, string? details)
    {
        var facts = new AuditFacts(string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(), string.IsNullOrWhiteSpace(details) ? null : details.Trim());
        return Wordings.TryGetValue(action, out var w) ? w.Sentence(facts) : $"{Who(facts)}: {Humanise(action).ToLowerInvariant()}{Colon(facts)}.";
    }

    public static string Describe(AuditEntry entry, string? actor) => Describe(entry.Action, actor, entry.Details);

    /// <summary>
    /// The label in the language of <paramref name="text"/> (StaffText key "Audit.Label." + code); English when the
    /// code has no translation.
    /// </summary>
    public static string Label(string action, IStringLocalizer? text)
        => text?["Audit.Label." + action] is { ResourceNotFound: false } label ? label.Value : Label(action);

    /// <summary>
    /// The entry in the language of <paramref name="text"/>. English keeps its full sentence; another language says who
    /// did what (the translated label) followed by the entry's details, which are recorded data and stay as written.
    /// </summary>
    public static string Describe(string action, string? actor, string? details, IStringLocalizer? text)
    {
        var label = Label(action, text);
        if (text is null || label == Label(action))
        {
            return Describe(action, actor, details);
        }

        var who = string.IsNullOrWhiteSpace(actor) ? "EventHub" : actor.Trim();
        return string.IsNullOrWhiteSpace(details) ? text["Audit.Sentence", who, label] : text["Audit.Sentence.Details", who, label, details.Trim().TrimEnd('.')];
    }

    private static Wording W(string label, Func<AuditFacts, string> sentence) => new(label, sentence);

    private static string Who(AuditFacts f) => f.Actor ?? "EventHub";

    private static string Colon(AuditFacts f) => f.Details is null ? "" : ": " + f.Details.TrimEnd('.');

    private static string Quoted(AuditFacts f) => f.Details is null ? "" : $" “{f.Details.TrimEnd('.')}”";

    private static string To(AuditFacts f) => f.Details is null ? "" : $" to {f.Details}";

    private static string DecidedBy(AuditFacts f) => f.Actor is null ? "" : $", decided by {f.Actor}";

    private static string? Lower(string? s) => string.IsNullOrEmpty(s) ? s : char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary>The part of the details before <paramref name="marker"/> (a person's name), or <paramref name="fallback"/>.</summary>
    private static string Subject(AuditFacts f, string marker, string fallback = "a registrant")
    {
        var at = f.Details?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        return at > 0 ? f.Details![..at] : fallback;
    }

    /// <summary>The details between <paramref name="start"/> and <paramref name="end"/> (or their end), after <paramref name="prefix"/>; "" when absent.</summary>
    private static string After(AuditFacts f, string start, string prefix, string? end = null)
    {
        var at = f.Details?.IndexOf(start, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return "";
        }

        var rest = f.Details![(at + start.Length)..];
        if (end is not null && rest.IndexOf(end, StringComparison.Ordinal) is var stop and >= 0)
        {
            rest = rest[..stop];
        }

        rest = rest.Trim().TrimEnd('.');
        return rest.Length == 0 ? "" : prefix + rest;
    }

    private static string Reason(AuditFacts f) => After(f, ": ", "") is { Length: > 0 } reason ? $" ({reason})" : "";

    private static string GroupFirst(AuditFacts f, string marker, string fallback = "a reviewer group") => Subject(f, marker, fallback);

    private static string TagSentence(AuditFacts f)
        => f.Details is { } d && d.LastIndexOf(": ", StringComparison.Ordinal) is var at and > 0 ? $"{d[..at]} with “{d[(at + 2)..]}”" : "a registration";

    /// <summary>"Anna Weber was approved by Host office, decided by Clara Schmidt (reason)." from "Anna Weber approved by Host office: reason".</summary>
    private static string Decision(AuditFacts f, string verb)
    {
        var match = f.Details is null ? null : DecisionDetails().Match(f.Details);
        if (match is not { Success: true })
        {
            return $"A registration was {verb}{DecidedBy(f)}.";
        }

        var reason = match.Groups["reason"].Success ? $" ({match.Groups["reason"].Value.Trim()})" : "";
        return $"{match.Groups["name"].Value} was {verb} by {match.Groups["group"].Value.Trim()}{DecidedBy(f)}{reason}.";
    }

    private static string Humanise(string action)
    {
        var words = action.Replace('.', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? "Something happened" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex(@"^(?<name>.+?) (?:approved|rejected|waitlisted) by (?<group>[^:]+?)(?:: (?<reason>.*))?$", RegexOptions.Singleline)]
    private static partial Regex DecisionDetails();
}
