using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using EventHub.Core.Features.Reminders;
using EventHub.Core.Features.Vetting;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Home;

public enum MyTaskKind
{
    RegistrationsAwaitingMyGroup,
    ReportAwaitingMyReview,
    FailedEmails,
    BouncedInvitations,
    OffersExpiring,
}

/// <summary>Something waiting for this person, with where it is done (a path under the app's base).</summary>
public sealed record MyTask(MyTaskKind Kind, Guid EventId, string EventTitle, int Count, string Text, string Href);

/// <summary>A date coming up: a registration cut-off, a reminder, the event itself.</summary>
public sealed record Deadline(Guid EventId, string EventTitle, string TimeZoneId, DateTime AtUtc, string What, string Href);

/// <summary>How many people of one sector reached each step of an event's funnel.</summary>
public sealed record FunnelRow(Sector? Sector, int Invited, int Accepted, int Approved, int CheckedIn);

public sealed record EventFunnel(Guid EventId, string Title, DateTime StartsAtUtc, string TimeZoneId, IReadOnlyList<FunnelRow> BySector)
{
    public int Invited => BySector.Sum(r => r.Invited);
    public int Accepted => BySector.Sum(r => r.Accepted);
    public int Approved => BySector.Sum(r => r.Approved);
    public int CheckedIn => BySector.Sum(r => r.CheckedIn);
}

public sealed record MyDay(IReadOnlyList<MyTask> Tasks, IReadOnlyList<Deadline> Deadlines, IReadOnlyList<EventFunnel> Funnels);

/// <summary>
/// A staff member's home: what waits for them across their events (registrations awaiting their approver group, reports
/// awaiting their review, failed emails and bounced invitations, waiting-list offers about to expire), the next deadlines,
/// and each upcoming event's funnel (invited → accepted → approved → checked in) by sector. Only events where they hold a
/// role (administrators: every event), and in each only what their role may see.
/// </summary>
public sealed class GetMyDay(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>An offer expiring within this window is shown as a task.</summary>
    public static readonly TimeSpan OfferWarning = TimeSpan.FromHours(24);

    /// <summary>Deadlines within this window are listed.</summary>
    public static readonly TimeSpan DeadlineWindow = TimeSpan.FromDays(14);

    public async Task<MyDay> ExecuteAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var admin = actor.IsInRole(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var roles = await db.EventTeamMembers.AsNoTracking().Where(t => t.UserId == userId)
            .Select(t => new { t.EventId, t.Role, t.ApproverGroup }).ToListAsync(ct);
        var roleEvents = roles.Select(r => r.EventId).Distinct().ToList();
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status != EventStatus.Archived && e.EndsAtUtc > now.AddDays(-60) && (admin || roleEvents.Contains(e.Id)))
            .OrderBy(e => e.StartsAtUtc)
            .ToListAsync(ct);

        var tasks = new List<MyTask>();
        var deadlines = new List<Deadline>();
        var funnels = new List<EventFunnel>();
        foreach (var e in events)
        {
            var mine = roles.Where(r => r.EventId == e.Id).Select(r => r.Role).ToList();
            bool Can(EventPermission p) => admin || EventPermissions.Grants(mine, p);
            var myGroups = roles.Where(r => r.EventId == e.Id && r.Role is EventRole.Vetter or EventRole.HostReviewer && r.ApproverGroup is not null)
                .Select(r => r.ApproverGroup!).ToList();
            if (admin || mine.Contains(EventRole.Organiser))
            {
                myGroups.Add(ApproverGroupRules.Organiser);
            }

            if (Can(EventPermission.Vet))
            {
                await AddVettingTasksAsync(db, e, myGroups, now, tasks, ct);
            }

            if (Can(EventPermission.ReviewReport) || Can(EventPermission.DraftReport))
            {
                await AddReviewTaskAsync(db, e, myGroups, admin || mine.Contains(EventRole.Organiser), tasks, ct);
            }

            if (Can(EventPermission.ViewOutbox))
            {
                var failed = await db.OutboundEmails.CountAsync(m => m.EventId == e.Id && m.Status == OutboundEmailStatus.Failed, ct);
                if (failed > 0)
                {
                    tasks.Add(new(MyTaskKind.FailedEmails, e.Id, e.Title, failed, failed == 1 ? "1 email failed" : $"{failed} emails failed", $"outbox?event={e.Id}"));
                }

                var bounced = await db.Invitations.CountAsync(i => i.EventId == e.Id && i.Status == InvitationStatus.Bounced, ct);
                if (bounced > 0)
                {
                    tasks.Add(new(MyTaskKind.BouncedInvitations, e.Id, e.Title, bounced, bounced == 1 ? "1 invitation bounced" : $"{bounced} invitations bounced", $"events/{e.Id}/invitations"));
                }
            }

            if (e.StartsAtUtc > now && Can(EventPermission.View))
            {
                await AddDeadlinesAsync(db, e, now, Can(EventPermission.Invite), deadlines, ct);
                if (Can(EventPermission.ViewParticipants))
                {
                    funnels.Add(await FunnelAsync(db, e, ct));
                }
            }
        }

        return new MyDay(tasks, deadlines.Where(d => d.AtUtc > now && d.AtUtc <= now + DeadlineWindow).OrderBy(d => d.AtUtc).ToList(), funnels);
    }

    private static async Task AddVettingTasksAsync(EventHubDbContext db, Event e, List<string> myGroups, DateTime now, List<MyTask> tasks, CancellationToken ct)
    {
        var pending = await db.Registrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Pending)
            .Select(r => new { r.Id, Decided = r.Approvals.Where(a => !a.Superseded).Select(a => a.Group).ToList() })
            .ToListAsync(ct);
        // With approver groups: those still without my group's decision; without: any pending registration.
        var groups = e.ApproverGroups.Count == 0 ? [] : myGroups.Where(e.ApproverGroups.Contains).Distinct().ToList();
        var waiting = e.ApproverGroups.Count == 0
            ? pending.Count
            : pending.Count(r => groups.Any(g => !r.Decided.Contains(g)));
        if (waiting > 0 && (e.ApproverGroups.Count == 0 || groups.Count > 0))
        {
            var whose = groups.Count == 0 ? "" : $" {string.Join(" / ", groups)}'s";
            tasks.Add(new(MyTaskKind.RegistrationsAwaitingMyGroup, e.Id, e.Title, waiting,
                $"{(waiting == 1 ? "1 registration awaits" : $"{waiting} registrations await")}{whose} approval", $"events/{e.Id}/vetting?status=Pending"));
        }

        var soon = now + OfferWarning;
        var expiring = await db.Registrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Offered && r.OfferExpiresAtUtc != null && r.OfferExpiresAtUtc <= soon, ct);
        if (expiring > 0)
        {
            tasks.Add(new(MyTaskKind.OffersExpiring, e.Id, e.Title, expiring,
                expiring == 1 ? "1 waiting-list offer expires within a day" : $"{expiring} waiting-list offers expire within a day", $"events/{e.Id}/vetting?status=Offered"));
        }
    }

    private static async Task AddReviewTaskAsync(EventHubDbContext db, Event e, List<string> myGroups, bool anyGroup, List<MyTask> tasks, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Reviews).SingleOrDefaultAsync(r => r.EventId == e.Id && r.Status == ReportStatus.InReview, ct);
        if (report is null)
        {
            return;
        }

        // A host reviewer reviews for their own group; organisers may decide for any required group.
        var open = report.RequiredReviewGroups
            .Where(g => anyGroup || myGroups.Contains(g, StringComparer.OrdinalIgnoreCase))
            .Where(g => !report.Reviews.Any(r => !r.Superseded && r.Group == g && r.VersionNumber == report.CurrentVersion))
            .ToList();
        if (open.Count > 0 && (!anyGroup || myGroups.Count > 0))
        {
            tasks.Add(new(MyTaskKind.ReportAwaitingMyReview, e.Id, e.Title, open.Count, $"The report awaits the review of {string.Join(", ", open)}", $"events/{e.Id}/report/review"));
        }
    }

    private static async Task AddDeadlinesAsync(EventHubDbContext db, Event e, DateTime now, bool invites, List<Deadline> deadlines, CancellationToken ct)
    {
        deadlines.Add(new(e.Id, e.Title, e.TimeZoneId, e.StartsAtUtc, "The event starts", $"events/{e.Id}"));
        if (e.EditCutoffUtc is { } cutoff)
        {
            deadlines.Add(new(e.Id, e.Title, e.TimeZoneId, cutoff, "Registration cut-off: attendees can no longer change their details", $"events/{e.Id}/registration-form"));
        }

        if (!invites)
        {
            return;
        }

        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.EventId == e.Id && r.Enabled && r.Kind != ReminderKind.RsvpNudge).ToListAsync(ct);
        foreach (var rule in rules)
        {
            var at = rule.Kind == ReminderKind.BeforeEvent ? ReminderSchedule.BeforeEventSendAtUtc(rule, e) : rule.SendAtUtc;
            if (at is { } due && due > now)
            {
                deadlines.Add(new(e.Id, e.Title, e.TimeZoneId, due, $"Reminder “{Invitations.InvitationText.Resolve(rule.Subject, e, "…")}” goes out", $"events/{e.Id}/reminders"));
            }
        }
    }

    private static async Task<EventFunnel> FunnelAsync(EventHubDbContext db, Event e, CancellationToken ct)
    {
        var invited = await db.Invitations.AsNoTracking().Where(i => i.EventId == e.Id && i.Status != InvitationStatus.Revoked)
            .Select(i => new { Sector = (Sector?)i.Contact!.Sector }).ToListAsync(ct);
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.Id, r.Sector, r.Status }).ToListAsync(ct);
        var checkedIn = (await db.CheckIns.AsNoTracking().Where(c => c.EventId == e.Id && c.RegistrationId != null)
            .Select(c => c.RegistrationId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var sectors = invited.Select(i => i.Sector).Concat(registrations.Select(r => r.Sector)).Distinct().OrderBy(s => s is null ? int.MaxValue : (int)s.Value);
        var rows = sectors.Select(s => new FunnelRow(
            s,
            invited.Count(i => i.Sector == s),
            registrations.Count(r => r.Sector == s),
            registrations.Count(r => r.Sector == s && r.Status == RegistrationStatus.Approved),
            registrations.Count(r => r.Sector == s && checkedIn.Contains(r.Id)))).ToList();
        return new EventFunnel(e.Id, e.Title, e.StartsAtUtc, e.TimeZoneId, rows);
    }
}
