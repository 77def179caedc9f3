using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// Sends a new copy to every recipient of one circulation whose latest message failed: a new outbox row each (the next
/// attempt's key), the same reference, <see cref="CirculationRecipient.OutboundEmailId"/> pointing to it. Audited. Organisers only.
/// </summary>
public sealed class ResendCirculationFailures(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, ReportCirculationMailer mailer, AuditLog audit)
{
    public async Task<Outcome<int>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid circulationId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<int>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        var circulation = report is null ? null : await db.ReportCirculations.Include(c => c.Recipients).SingleOrDefaultAsync(c => c.Id == circulationId && c.ReportId == report.Id, ct);
        if (report is null || circulation is null)
        {
            return Outcome<int>.NotFound();
        }

        var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleAsync(x => x.Id == eventId, ct);
        var emailIds = circulation.Recipients.Where(r => r.OutboundEmailId != null).Select(r => r.OutboundEmailId!.Value).ToList();
        var failedIds = await db.OutboundEmails.AsNoTracking().Where(m => emailIds.Contains(m.Id) && m.Status == OutboundEmailStatus.Failed).Select(m => m.Id).ToListAsync(ct);
        var failed = circulation.Recipients.Where(r => r.OutboundEmailId is { } id && failedIds.Contains(id)).ToList();
        if (failed.Count == 0)
        {
            return Outcome<int>.Invalid("", "No copy of this circulation has failed: there is nothing to resend.");
        }

        foreach (var recipient in failed)
        {
            var prefix = $"report-circulation:{circulation.Id}:{recipient.Id}:";
            var attempt = await db.OutboundEmails.CountAsync(m => m.CorrelationKey.StartsWith(prefix), ct) + 1;
            var email = await mailer.QueueAsync(db, report!, e, recipient, circulation.Id, attempt);
            recipient.OutboundEmailId = email.Id;
        }

        audit.Record(db, actor, "report.circulation-resent", eventId, nameof(ReportCirculation), circulation.Id.ToString(),
            $"Resent to {failed.Count} recipient(s) whose copy failed: {string.Join(", ", failed.Select(r => $"{r.Name} ({r.Reference})"))}.");
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(failed.Count);
    }
}
