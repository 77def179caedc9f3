using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>Takes the report off its public page (the address stops working). Organisers only; audited.</summary>
public sealed class UnpublishReport(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        if (report is null)
        {
            return Outcome.NotFound();
        }

        if (report.PublicSlug is null)
        {
            return Outcome.Success();
        }

        audit.Record(db, actor, "report.unpublished", eventId, nameof(Report), report.Id.ToString(), $"Public page /reports/{report.PublicSlug} withdrawn.");
        report.PublicSlug = null;
        report.PublishedAtUtc = null;
        report.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("The report changed at the same moment. Reload and try again.");
        }

        return Outcome.Success();
    }
}
