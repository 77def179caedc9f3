using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Reminders;
using EventHub.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Jobs;

public sealed record ReminderSummary(int Queued);

/// <summary>
/// Marks unanswered invitations past their expiry as Expired, and turns due reminder rules into outbox rows. Each row's key is reminder:{rule}:{recipient}[:{n}], so each rule reaches
/// each recipient at most once: a second run, a restart or a second node finds the key and writes nothing.
/// </summary>
public sealed class QueueDueReminders(
    IDbContextFactory<EventHubDbContext> dbFactory,
    InvitationMailer invitationMailer,
    EmailComposer composer,
    EmailOutbox outbox,
    Translations translations,
    TimeProvider clock,
    ILogger<QueueDueReminders> logger)
{
    public async Task<ReminderSummary> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> ruleIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Unanswered invitations whose time is up say so, for the counts on the event page.
            await db.Invitations
                .Where(i => (i.Status == InvitationStatus.Sent || i.Status == InvitationStatus.Bounced) && i.ExpiresAtUtc <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvitationStatus.Expired), ct);
            ruleIds = await db.ReminderRules
                .Where(r => r.Enabled && r.Event!.Status == EventStatus.Open && r.Event.EndsAtUtc > now)
                .Select(r => r.Id)
                .ToListAsync(ct);
        }

        var queued = 0;
        foreach (var ruleId in ruleIds)
        {
            try
            {
                queued += await RunRuleAsync(ruleId, now, ct);
            }
            catch (DbUpdateException ex)
            {
                // Another node wrote the same keys first: nothing is lost, and nothing goes twice.
                logger.LogInformation(ex, "Reminder rule {RuleId} was queued concurrently elsewhere", ruleId);
            }
        }

        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} reminder emails", queued);
        }

        return new ReminderSummary(queued);
    }

    private async Task<int> RunRuleAsync(Guid ruleId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.ReminderRules.Include(r => r.Translations).Include(r => r.Event).ThenInclude(e => e!.Organisation).SingleAsync(r => r.Id == ruleId, ct);
        var e = rule.Event!;
        var prefix = $"reminder:{rule.Id}:";
        var sentKeys = (await db.OutboundEmails.Where(m => m.CorrelationKey.StartsWith(prefix)).Select(m => m.CorrelationKey).ToListAsync(ct)).ToHashSet();
        var count = 0;

        switch (rule.Kind)
        {
            case ReminderKind.RsvpNudge:
                if (now >= e.StartsAtUtc)
                {
                    break;
                }

                var max = rule.MaxNudges ?? 1;
                var open = await db.Invitations.Include(i => i.Contact)
                    .Where(i => i.EventId == e.Id && i.Status == InvitationStatus.Sent && i.NudgesSent < max && !i.Contact!.DoNotContact)
                    .ToListAsync(ct);
                foreach (var invitation in open.Where(i => ReminderSchedule.NextNudgeAtUtc(rule, i) <= now))
                {
                    var n = invitation.NudgesSent + 1;
                    var key = $"{prefix}{invitation.Id}:{n}";
                    invitation.NudgesSent = n;
                    if (sentKeys.Contains(key))
                    {
                        continue; // queued by an earlier run whose count update was lost: only catch the count up
                    }

                    var (nudgeSubject, nudgeMessage) = AudienceTexts.For(rule, invitation.Language);
                    await invitationMailer.QueueAsync(db, invitation, invitation.Contact!, e, key, nudgeSubject, nudgeMessage);
                    db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitation.Id, AtUtc = now, Action = "nudged", Detail = $"reminder {n} of {max}" });
                    count++;
                }

                break;

            case ReminderKind.BeforeEvent:
                if (now < ReminderSchedule.BeforeEventSendAtUtc(rule, e) || now >= e.StartsAtUtc)
                {
                    break;
                }

                count += await QueueToRegisteredAsync(db, rule, e, prefix, sentKeys, ct);
                break;

            case ReminderKind.OneOff:
                if (rule.SendAtUtc is not { } at || now < at)
                {
                    break;
                }

                if (rule.Audience == ReminderAudience.Registered)
                {
                    count += await QueueToRegisteredAsync(db, rule, e, prefix, sentKeys, ct);
                }
                else
                {
                    var statuses = rule.Audience == ReminderAudience.NonResponders
                        ? new[] { InvitationStatus.Sent }
                        : [InvitationStatus.Sent, InvitationStatus.Accepted];
                    var invitations = await db.Invitations.Include(i => i.Contact)
                        .Where(i => i.EventId == e.Id && statuses.Contains(i.Status) && !i.Contact!.DoNotContact)
                        .ToListAsync(ct);
                    foreach (var invitation in invitations.Where(i => !sentKeys.Contains($"{prefix}{i.Id}")))
                    {
                        var (oneOffSubject, oneOffMessage) = AudienceTexts.For(rule, invitation.Language);
                        await invitationMailer.QueueAsync(db, invitation, invitation.Contact!, e, $"{prefix}{invitation.Id}", oneOffSubject, oneOffMessage, openLabel: true);
                        count++;
                    }
                }

                break;
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private async Task<int> QueueToRegisteredAsync(EventHubDbContext db, ReminderRule rule, Event e, string prefix, HashSet<string> sentKeys, CancellationToken ct)
    {
        var registrations = await db.Registrations
            .Where(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Approved))
            .ToListAsync(ct);
        var count = 0;
        foreach (var registration in registrations.Where(r => !sentKeys.Contains($"{prefix}{r.Id}")))
        {
            var t = translations.For(registration.Language);
            var (ruleSubject, ruleMessage) = AudienceTexts.For(rule, registration.Language);
            var subject = InvitationText.Resolve(ruleSubject, e, registration.Name, t);
            var paragraphs = InvitationText.Resolve(ruleMessage, e, registration.Name, t).Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
            {
                [nameof(ActionEmail.Title)] = subject,
                [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
                [nameof(ActionEmail.Paragraphs)] = paragraphs,
                [nameof(ActionEmail.FooterNote)] = t["Reminder.Footer", e.Title],
                [nameof(ActionEmail.T)] = t,
            });
            outbox.Queue(db, new EmailToQueue($"{prefix}{registration.Id}", registration.Email, registration.Name, subject, body, e.Id));
            count++;
        }

        return count;
    }
}
