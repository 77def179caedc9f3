using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reminders;

public sealed record ReminderRuleRow(ReminderRule Rule, DateTime? NextDueUtc, int Waiting, int Sent, int Queued);

/// <summary>The event's reminders: when each goes next, how many are waiting for it, and what was already sent.</summary>
public sealed class ListReminders(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<ReminderRuleRow>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome<IReadOnlyList<ReminderRuleRow>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<IReadOnlyList<ReminderRuleRow>>.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Kind).ThenByDescending(r => r.DaysBefore).ThenBy(r => r.SendAtUtc).ToListAsync(ct);
        var openInvitations = await db.Invitations.AsNoTracking().Where(i => i.EventId == eventId && i.Status == InvitationStatus.Sent).ToListAsync(ct);
        var registered = await db.Registrations.CountAsync(r => r.EventId == eventId && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Approved), ct);
        var emails = await db.OutboundEmails.AsNoTracking()
            .Where(m => m.EventId == eventId && m.CorrelationKey.StartsWith("reminder:"))
            .Select(m => new { m.CorrelationKey, m.Status })
            .ToListAsync(ct);

        var rows = new List<ReminderRuleRow>();
        foreach (var rule in rules)
        {
            var mine = emails.Where(m => m.CorrelationKey.StartsWith($"reminder:{rule.Id}:", StringComparison.Ordinal)).ToList();
            var sent = mine.Count(m => m.Status == OutboundEmailStatus.Sent);
            DateTime? next = null;
            var waiting = 0;
            switch (rule.Kind)
            {
                case ReminderKind.RsvpNudge:
                    var due = openInvitations.Where(i => i.NudgesSent < (rule.MaxNudges ?? 1)).Select(i => ReminderSchedule.NextNudgeAtUtc(rule, i)).Where(t => t < e.StartsAtUtc).ToList();
                    waiting = due.Count;
                    next = due.Count > 0 ? due.Min() : null;
                    break;
                case ReminderKind.BeforeEvent:
                    var at = ReminderSchedule.BeforeEventSendAtUtc(rule, e);
                    next = at > now ? at : null;
                    waiting = at > now ? registered : 0;
                    break;
                case ReminderKind.OneOff:
                    next = rule.SendAtUtc > now ? rule.SendAtUtc : null;
                    break;
            }

            rows.Add(new ReminderRuleRow(rule, rule.Enabled ? next : null, rule.Enabled ? waiting : 0, sent, mine.Count - sent));
        }

        return Outcome<IReadOnlyList<ReminderRuleRow>>.Success(rows);
    }
}
