using EventHub.Core.Auditing;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Jobs;

public sealed record RetentionSummary(int SecurityDataErased, int PersonalDataAnonymised, int NotesErased);

/// <summary>
/// Applies each event's retention policy (<see cref="RetentionPolicy"/>): security fields erased N days after the event
/// ends, attendees' and invitees' personal data anonymised M months after (<see cref="Anonymiser"/>), and rapporteurs'
/// private notes erased once the report is circulated. The report and the counts stay. Each step is claimed with a
/// conditional UPDATE of the event's marker inside the step's transaction, so two nodes never apply it twice and running
/// the job again changes nothing. Each step is audited with counts only.
/// </summary>
public sealed class ApplyRetention(
    IDbContextFactory<EventHubDbContext> dbFactory,
    RetentionPolicy policy,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ApplyRetention> logger)
{
    public async Task<RetentionSummary> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Event> ended;
        List<Guid> circulatedWithNotes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ended = await db.Events.AsNoTracking()
                .Where(e => e.EndsAtUtc <= now && (e.SecurityDataErasedAtUtc == null || e.PersonalDataAnonymisedAtUtc == null))
                .ToListAsync(ct);
            circulatedWithNotes = await db.Reports
                .Where(r => r.Status == ReportStatus.Circulated && db.ReportNotes.Any(n => n.EventId == r.EventId))
                .Select(r => r.EventId).ToListAsync(ct);
        }

        int security = 0, personal = 0, notes = 0;
        foreach (var e in ended)
        {
            if (e.PersonalDataAnonymisedAtUtc is null && now >= policy.PersonalDataDueUtc(e))
            {
                personal += await StepAsync(e.Id, (db, c) => AnonymiseEventAsync(db, e, now, c), ct);
            }
            else if (e.SecurityDataErasedAtUtc is null && now >= policy.SecurityDataDueUtc(e))
            {
                security += await StepAsync(e.Id, (db, c) => EraseSecurityDataAsync(db, e, now, c), ct);
            }
        }

        foreach (var eventId in circulatedWithNotes)
        {
            notes += await StepAsync(eventId, (db, c) => EraseNotesAsync(db, eventId, c), ct);
        }

        if (security + personal + notes > 0)
        {
            logger.LogInformation("Retention: security data erased for {Security} events, personal data anonymised for {Personal}, notes erased for {Notes}", security, personal, notes);
        }

        return new RetentionSummary(security, personal, notes);
    }

    private async Task<int> StepAsync(Guid eventId, Func<EventHubDbContext, CancellationToken, Task<bool>> step, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.InTransactionAsync(async token =>
            {
                if (!await step(db, token))
                {
                    return 0;
                }

                await db.SaveChangesAsync(token);
                return 1;
            }, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // Another node is applying the same step, or an attendee changed something at that moment: the next run comes round again.
            logger.LogWarning(ex, "Retention for event {EventId} did not complete; it is retried at the next run", eventId);
            return 0;
        }
    }

    private async Task<bool> EraseSecurityDataAsync(EventHubDbContext db, Event e, DateTime now, CancellationToken ct)
    {
        if (await db.Events.Where(x => x.Id == e.Id && x.SecurityDataErasedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SecurityDataErasedAtUtc, now), ct) == 0)
        {
            return false;
        }

        var erased = await db.Registrations.Where(r => r.EventId == e.Id && r.ProtectedSecurityData != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProtectedSecurityData, (string?)null), ct);
        audit.Record(db, null, "retention.security-data-erased", e.Id, nameof(Event), e.Id.ToString(),
            $"Security data of {erased} registrations erased ({policy.SecurityDataDays(e)} days after the event ended).");
        return true;
    }

    private async Task<bool> AnonymiseEventAsync(EventHubDbContext db, Event e, DateTime now, CancellationToken ct)
    {
        if (await db.Events.Where(x => x.Id == e.Id && x.PersonalDataAnonymisedAtUtc == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.PersonalDataAnonymisedAtUtc, now)
                    .SetProperty(x => x.SecurityDataErasedAtUtc, x => x.SecurityDataErasedAtUtc ?? now), ct) == 0)
        {
            return false;
        }

        var invitationsByStatus = await db.Invitations.Where(i => i.EventId == e.Id)
            .GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = await Anonymiser.AnonymiseRegistrationsAsync(db, db.Registrations.Where(r => r.EventId == e.Id), now, ct);
        var walkIns = await Anonymiser.AnonymiseCheckInsAsync(db.CheckIns.Where(c => c.EventId == e.Id), ct);
        var consents = await Anonymiser.AnonymiseConsentsAsync(db.OnRecordConsents.Where(c => c.EventId == e.Id), ct);
        var recipients = await Anonymiser.AnonymiseRecipientsAsync(
            db.CirculationRecipients.Where(c => db.ReportCirculations.Any(x => x.Id == c.CirculationId && db.Reports.Any(r => r.Id == x.ReportId && r.EventId == e.Id))), ct);
        var invitations = await Anonymiser.DeleteInvitationsAsync(db, db.Invitations.Where(i => i.EventId == e.Id), ct);
        var notes = await db.ReportNotes.Where(n => n.EventId == e.Id).ExecuteDeleteAsync(ct);
        var emails = await db.OutboundEmails.Where(m => m.EventId == e.Id && (m.Status == OutboundEmailStatus.Sent || m.Status == OutboundEmailStatus.Failed)).ExecuteDeleteAsync(ct);
        var redacted = await AuditRedaction.RedactAsync(
            db.AuditEntries.Where(a => a.EventId == e.Id && a.SubjectType != null && AuditRedaction.PersonSubjectTypes.Contains(a.SubjectType)), now, ct);
        counts += new AnonymisationCounts
        {
            CheckIns = walkIns, Consents = consents, CirculationRecipients = recipients, Invitations = invitations,
            ReportNotes = notes, Emails = emails, AuditEntriesRedacted = redacted,
        };
        var kept = invitationsByStatus.Count == 0 ? "" : " Invitations by status before deletion: " + string.Join(", ", invitationsByStatus.OrderBy(x => x.Status).Select(x => $"{x.Status} {x.Count}")) + ".";
        audit.Record(db, null, "retention.personal-data-anonymised", e.Id, nameof(Event), e.Id.ToString(),
            $"Personal data anonymised {policy.PersonalDataMonths(e)} months after the event ended: {counts}.{kept}");
        return true;
    }

    private async Task<bool> EraseNotesAsync(EventHubDbContext db, Guid eventId, CancellationToken ct)
    {
        var erased = await db.ReportNotes.Where(n => n.EventId == eventId).ExecuteDeleteAsync(ct);
        if (erased == 0)
        {
            return false;
        }

        audit.Record(db, null, "retention.report-notes-erased", eventId, nameof(Event), eventId.ToString(),
            $"{erased} rapporteur notes erased after the report was circulated.");
        return true;
    }
}
