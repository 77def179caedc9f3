using EventHub.Core.Authorization;
using EventHub.Core.Features.Events;

namespace EventHub.Web.Components.Pages.Events;

/// <summary>One page of an event: its label, its address under events/{id}/ ("" for the overview), who sees it, and the
/// addresses below it that belong to it (a registration under the vetting queue, the report's tabs under the report).</summary>
public sealed record EventStagePage(string Label, string Path, Func<EventOverview, bool> Visible, params string[] Below)
{
    /// <summary>The staff text that names the page in the staff member's language ("Events.Nav.Vettingqueue").</summary>
    public string TextKey => EventStages.TextKey(Label);

    public string Href(Guid eventId) => Path.StartsWith('/') ? Path[1..].Replace("{id}", eventId.ToString()) : Path.Length == 0 ? $"events/{eventId}" : $"events/{eventId}/{Path}";

    /// <summary>Whether the address (relative to the base, without query) is this page or one below it.</summary>
    public bool Matches(string relativePath, Guid eventId)
    {
        var own = Href(eventId).Split('?')[0];
        return string.Equals(relativePath, own, StringComparison.OrdinalIgnoreCase)
               || Below.Any(b => relativePath.StartsWith($"events/{eventId}/{b}", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A stage in the life of a meeting, with its pages.</summary>
public sealed record EventStage(string Label, IReadOnlyList<EventStagePage> Pages)
{
    /// <summary>The staff text that names the stage in the staff member's language ("Events.Nav.Ontheday").</summary>
    public string TextKey => EventStages.TextKey(Label);
}

/// <summary>
/// The one map of an event's pages by stage, as the life of a meeting runs: Prepare, Invite, Vet, On the day, Afterwards.
/// The event navigation is drawn from it; a new page of an event is added here, in its stage, and appears for whoever
/// may open it.
/// </summary>
public static class EventStages
{
    /// <summary>The resource key of a stage's or page's English label: its letters after "Events.Nav.".</summary>
    public static string TextKey(string label) => "Events.Nav." + new string(label.Where(char.IsLetter).ToArray());

    private static Func<EventOverview, bool> Can(params EventPermission[] any) => o => any.Any(o.Can);

    public static EventStagePage Overview { get; } = new("Overview", "", _ => true);

    public static IReadOnlyList<EventStage> All { get; } =
    [
        new("Prepare",
        [
            new("Details", "edit", Can(EventPermission.Edit)),
            new("Agenda", "agenda", Can(EventPermission.View)),
            new("Team", "team", Can(EventPermission.View)),
            new("Registration form", "registration-form", Can(EventPermission.Edit)),
            new("New event from this", "copy", Can(EventPermission.Edit)),
        ]),
        new("Invite",
        [
            new("Pick from the directory", "invite", Can(EventPermission.Invite)),
            new("Invitations", "invitations", Can(EventPermission.Invite)),
            new("Reminders", "reminders", Can(EventPermission.Invite)),
            new("Emails", "/outbox?event={id}", Can(EventPermission.ViewOutbox)),
        ]),
        new("Vet",
        [
            new("Vetting queue", "vetting", Can(EventPermission.Vet), "registrations/"),
            new("Message registrants", "message", Can(EventPermission.ExportRegistrations)),
            new("Exports", "exports", Can(EventPermission.ExportRegistrations)),
        ]),
        new("On the day",
        [
            new("Door", "door", Can(EventPermission.CheckIn)),
            new("Door sessions", "door/sessions", Can(EventPermission.Edit)),
            new("Access list", "access-list", Can(EventPermission.ViewParticipants)),
            new("Documents", "documents", Can(EventPermission.ViewDocuments)),
            new("Participants", "participants", Can(EventPermission.ViewParticipants)),
        ]),
        new("Afterwards",
        [
            new("Report", "report", Can(EventPermission.DraftReport), "report/notes", "report/versions", "report/consents", "report/print"),
            new("Review and circulation", "report/review", Can(EventPermission.DraftReport, EventPermission.ReviewReport), "report/circulate"),
            new("Activity", "activity", Can(EventPermission.ViewActivity)),
            new("Retention", "retention", Can(EventPermission.Edit)),
        ]),
    ];

    /// <summary>The stage and page an address belongs to; the overview (no stage) when none.</summary>
    public static (EventStage? Stage, EventStagePage Page) Locate(string relativePath, Guid eventId)
    {
        var path = relativePath.Split('?', '#')[0].TrimEnd('/');
        // The most specific page wins: report/review is not the report editor. Pages outside events/{id}/ (the event's
        // emails) are told apart by their whole address, query included.
        var best = All.SelectMany(s => s.Pages.Select(p => (Stage: s, Page: p)))
            .Where(x => x.Page.Path.StartsWith('/') ? relativePath.StartsWith(x.Page.Href(eventId), StringComparison.OrdinalIgnoreCase) : x.Page.Matches(path, eventId))
            .OrderByDescending(x => x.Page.Path.Length)
            .FirstOrDefault();
        return best.Page is null ? (null, Overview) : (best.Stage, best.Page);
    }

    /// <summary>The stages with at least one page this person may open, each with only those pages.</summary>
    public static IReadOnlyList<EventStage> VisibleTo(EventOverview overview)
        => All.Select(s => s with { Pages = s.Pages.Where(p => p.Visible(overview)).ToList() }).Where(s => s.Pages.Count > 0).ToList();
}
