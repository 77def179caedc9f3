using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>One person a circulation would reach, and through which audience.</summary>
public sealed record CirculationCandidate(string Name, string Email, Guid? RegistrationId, CirculationAudience Audience);

/// <summary>The people behind each audience, one copy per email address.</summary>
public sealed record AudienceResolution(IReadOnlyList<CirculationCandidate> Recipients, int WithoutEmail, IReadOnlyList<CirculationCandidate> AlreadyReceived);

/// <summary>
/// Who an audience is: <see cref="CirculationAudience.CheckedIn"/> = attendees admitted at the door (a check-in row with a
/// registration; walk-ins without one have no address); <see cref="CirculationAudience.AllApproved"/> = every approved
/// registration; <see cref="CirculationAudience.Hosts"/> = the event's host reviewers (the host's office, the co-organiser);
/// <see cref="CirculationAudience.Team"/> = everyone on the event's team; <see cref="CirculationAudience.SessionAttendees"/> =
/// the attendees checked in to the chosen agenda items (sessions). Anonymised registrations are never reached.
/// </summary>
public static class CirculationAudiences
{
    /// <summary>What a circulation starts from: the attendees only; hosts and the team are added on purpose.</summary>
    public static IReadOnlyList<CirculationAudience> Default { get; } = [CirculationAudience.CheckedIn];

    public static string Describe(CirculationAudience audience) => audience switch
    {
        CirculationAudience.CheckedIn => "Attendees who checked in",
        CirculationAudience.AllApproved => "All approved attendees",
        CirculationAudience.Hosts => "Hosts (host reviewers)",
        CirculationAudience.SessionAttendees => "Attendees of the chosen sessions",
        _ => "The event team",
    };

    /// <summary>
    /// Why the chosen sessions cannot be addressed (null: they can): the session audience needs at least one agenda item, each
    /// of this event, and the event must check its sessions in separately.
    /// </summary>
    public static async Task<string?> SessionProblemAsync(EventHubDbContext db, Guid eventId, IReadOnlyCollection<CirculationAudience> audiences, IReadOnlyCollection<Guid> sessions, CancellationToken ct)
    {
        if (!audiences.Contains(CirculationAudience.SessionAttendees))
        {
            return null;
        }

        if (!await TracksSessionsAsync(db, eventId, ct))
        {
            return "This event does not check its sessions in separately: no one has a session's attendance to address.";
        }

        if (sessions.Count == 0)
        {
            return "Choose the sessions whose attendees receive the report.";
        }

        var ids = sessions.Distinct().ToList();
        var ofThisEvent = await db.AgendaItems.CountAsync(a => a.EventId == eventId && ids.Contains(a.Id), ct);
        return ofThisEvent == ids.Count ? null : "A chosen session is not on this event's agenda: reload the page and choose again.";
    }

    /// <summary>Whether the event checks its sessions in separately, or did: only then has a session attendees to address.</summary>
    public static Task<bool> TracksSessionsAsync(EventHubDbContext db, Guid eventId, CancellationToken ct)
        => db.Events.AnyAsync(e => e.Id == eventId && (e.CheckInPerAgendaItem || db.AgendaCheckIns.Any(a => a.EventId == eventId)), ct);

    public static async Task<AudienceResolution> ResolveAsync(EventHubDbContext db, Report report, IReadOnlyCollection<CirculationAudience> audiences, CancellationToken ct, IReadOnlyCollection<Guid>? sessions = null)
    {
        var eventId = report.EventId;
        var found = new List<CirculationCandidate>();
        var withoutEmail = 0;
        foreach (var audience in audiences.Distinct().Order())
        {
            switch (audience)
            {
                case CirculationAudience.CheckedIn:
                    var checkedIn = await db.CheckIns.AsNoTracking()
                        .Where(c => c.EventId == eventId)
                        .Select(c => new { c.RegistrationId, Registration = db.Registrations.Where(r => r.Id == c.RegistrationId && r.AnonymisedAtUtc == null).Select(r => new { r.Name, r.Email }).FirstOrDefault() })
                        .ToListAsync(ct);
                    withoutEmail += checkedIn.Count(c => c.Registration is null);
                    found.AddRange(checkedIn.Where(c => c.Registration is not null).Select(c => new CirculationCandidate(c.Registration!.Name, c.Registration.Email, c.RegistrationId, audience)));
                    break;
                case CirculationAudience.SessionAttendees:
                    var chosen = (sessions ?? []).Distinct().ToList();
                    found.AddRange(await db.Registrations.AsNoTracking()
                        .Where(r => r.EventId == eventId && r.AnonymisedAtUtc == null
                            && db.AgendaCheckIns.Any(a => a.RegistrationId == r.Id && a.EventId == eventId && chosen.Contains(a.AgendaItemId)))
                        .OrderBy(r => r.Name)
                        .Select(r => new CirculationCandidate(r.Name, r.Email, r.Id, audience))
                        .ToListAsync(ct));
                    break;
                case CirculationAudience.AllApproved:
                    found.AddRange(await db.Registrations.AsNoTracking()
                        .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Approved && r.AnonymisedAtUtc == null)
                        .OrderBy(r => r.Name)
                        .Select(r => new CirculationCandidate(r.Name, r.Email, r.Id, audience))
                        .ToListAsync(ct));
                    break;
                default:
                    var team = db.EventTeamMembers.AsNoTracking().Where(t => t.EventId == eventId);
                    if (audience == CirculationAudience.Hosts)
                    {
                        team = team.Where(t => t.Role == EventRole.HostReviewer);
                    }

                    var people = await team.Select(t => new { Name = t.User!.DisplayName ?? t.User.UserName, t.User.Email }).ToListAsync(ct);
                    withoutEmail += people.Count(p => string.IsNullOrWhiteSpace(p.Email));
                    found.AddRange(people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).Select(p => new CirculationCandidate(p.Name ?? p.Email!, p.Email!, null, audience)));
                    break;
            }
        }

        var distinct = found.DistinctBy(c => Contact.Normalize(c.Email)).ToList();
        var earlier = await db.CirculationRecipients.AsNoTracking()
            .Where(r => db.ReportCirculations.Any(c => c.Id == r.CirculationId && c.ReportId == report.Id))
            .Select(r => r.Email)
            .ToListAsync(ct);
        var received = earlier.Select(Contact.Normalize).ToHashSet(StringComparer.Ordinal);
        return new AudienceResolution(
            distinct.Where(c => !received.Contains(Contact.Normalize(c.Email))).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            withoutEmail,
            distinct.Where(c => received.Contains(Contact.Normalize(c.Email))).ToList());
    }
}
