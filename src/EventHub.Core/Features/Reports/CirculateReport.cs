using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <param name="ExpectedRecipients">The count the organiser confirmed ("Send 23 emails now?"): if the audience changed since, nothing is sent.</param>
/// <param name="Sessions">The agenda items whose attendees <see cref="CirculationAudience.SessionAttendees"/> addresses.</param>
public sealed record CirculationRequest(IReadOnlyCollection<CirculationAudience> Audiences, int ExpectedRecipients, IReadOnlyCollection<Guid>? Sessions = null);

public sealed record CirculationResult(Guid CirculationId, int Recipients, int NotesErased);

/// <summary>
/// Sends the approved report to the chosen audiences: one circulation, one recipient row with its own unguessable reference
/// and one outbox email (summary in HTML + Word file, both marked with the reference) per person, in one transaction.
/// Refused while the report is not approved or non-attribution findings are open. The report becomes Circulated (its text is
/// final), the rapporteurs' notes of the event are erased (retention: notes live until circulation), and all is audited.
/// A later circulation to another audience reaches only people who have not received the report yet.
/// </summary>
public sealed class CirculateReport(
    IDbContextFactory<EventHubDbContext> dbFactory,
    IAuthorizationService authorization,
    IOpenFindingsSource findings,
    ReportCirculationMailer mailer,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<Outcome<CirculationResult>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CirculationRequest request, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<CirculationResult>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async token =>
        {
            var report = await db.Reports.SingleOrDefaultAsync(r => r.EventId == eventId, token);
            var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleOrDefaultAsync(x => x.Id == eventId, token);
            if (report is null || e is null)
            {
                return Outcome<CirculationResult>.NotFound();
            }

            var open = await findings.GetOpenFindingsAsync(report.Id, token);
            if (PreviewCirculation.Blockers(report.Status, open.Count, request.Audiences.Count) is { Count: > 0 } blockers)
            {
                return Outcome<CirculationResult>.Invalid("", string.Join(" ", blockers));
            }

            var sessions = request.Sessions ?? [];
            if (await CirculationAudiences.SessionProblemAsync(db, eventId, request.Audiences, sessions, token) is { } problem)
            {
                return Outcome<CirculationResult>.Invalid(nameof(CirculationRequest.Sessions), problem);
            }

            var resolution = await CirculationAudiences.ResolveAsync(db, report, request.Audiences, token, sessions);
            if (resolution.Recipients.Count == 0)
            {
                return Outcome<CirculationResult>.Invalid("", resolution.AlreadyReceived.Count > 0
                    ? $"Everyone in the chosen audience ({resolution.AlreadyReceived.Count}) has already received the report."
                    : "No one in the chosen audience has an email address: nothing to send.");
            }

            if (resolution.Recipients.Count != request.ExpectedRecipients)
            {
                return Outcome<CirculationResult>.Conflict(
                    $"The audience changed since you checked it: it is now {resolution.Recipients.Count} recipient{(resolution.Recipients.Count == 1 ? "" : "s")}, not {request.ExpectedRecipients}. Nothing was sent; review the list and confirm again.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var circulation = new ReportCirculation
            {
                Id = Guid.CreateVersion7(),
                ReportId = report.Id,
                VersionNumber = report.CurrentVersion,
                Audiences = request.Audiences.Distinct().Order().ToList(),
                AgendaItemIds = request.Audiences.Contains(CirculationAudience.SessionAttendees) ? sessions.Distinct().ToList() : [],
                AtUtc = now,
                ByUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
                ByName = actor.Identity?.Name,
            };
            db.ReportCirculations.Add(circulation);

            var references = await NewReferencesAsync(db, resolution.Recipients.Count, token);
            for (var i = 0; i < resolution.Recipients.Count; i++)
            {
                var candidate = resolution.Recipients[i];
                var recipient = new CirculationRecipient
                {
                    Id = Guid.CreateVersion7(),
                    CirculationId = circulation.Id,
                    Name = candidate.Name,
                    Email = candidate.Email.Trim(),
                    Reference = references[i],
                    RegistrationId = candidate.RegistrationId,
                };
                circulation.Recipients.Add(recipient);
                var email = await mailer.QueueAsync(db, report, e, recipient, circulation.Id, attempt: 1);
                recipient.OutboundEmailId = email.Id;
            }

            var first = report.Status == ReportStatus.Approved;
            report.Status = ReportStatus.Circulated;
            report.CirculatedAtUtc ??= now;
            report.UpdatedAtUtc = now;
            report.ConcurrencyStamp = Guid.NewGuid();
            audit.Record(db, actor, "report.circulated", eventId, nameof(ReportCirculation), circulation.Id.ToString(),
                $"Version {report.CurrentVersion} sent to {resolution.Recipients.Count} recipient(s) ({string.Join(", ", circulation.Audiences.Select(CirculationAudiences.Describe))}){(first ? "" : "; a further circulation")}.");
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Database.RollbackTransactionAsync(CancellationToken.None);
                return Outcome<CirculationResult>.Conflict("The report changed at the same moment (a save or a review). Nothing was sent; reload and check it again.");
            }

            // Retention: the rapporteurs' private notes are needed only until the report goes out.
            var erased = await db.ReportNotes.Where(n => n.EventId == eventId).ExecuteDeleteAsync(token);
            if (erased > 0)
            {
                audit.Record(db, actor, "report.notes-erased", eventId, nameof(ReportNote), null, $"{erased} rapporteur note(s) erased on circulation.");
                await db.SaveChangesAsync(token);
            }

            return Outcome<CirculationResult>.Success(new CirculationResult(circulation.Id, resolution.Recipients.Count, erased));
        }, ct);
    }

    /// <summary>Fresh references, unique among themselves and against every reference already issued.</summary>
    private static async Task<List<string>> NewReferencesAsync(EventHubDbContext db, int count, CancellationToken ct)
    {
        var result = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (result.Count < count)
        {
            var batch = Enumerable.Range(0, count - result.Count).Select(_ => ReportCirculationMailer.NewReference()).Where(seen.Add).ToList();
            var taken = await db.CirculationRecipients.AsNoTracking().Where(r => batch.Contains(r.Reference)).Select(r => r.Reference).ToListAsync(ct);
            result.AddRange(batch.Except(taken));
        }

        return result;
    }
}
