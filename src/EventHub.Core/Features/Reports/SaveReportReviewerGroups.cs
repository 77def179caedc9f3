using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// Sets the groups that review the event's report (e.g. Host office, Co-organiser): a list of their own, apart from the
/// registration approver groups. Host reviewers are then given one of them on the Team page; a submission asks them all
/// unless the submitter chooses otherwise. None: the review workflow's defaults.
/// </summary>
public sealed class SaveReportReviewerGroups(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, IReadOnlyList<string> groups, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        var cleaned = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Count > 0 && ReportWorkflow.ValidateGroups(cleaned, out cleaned) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome.NotFound();
        }

        e.ReportReviewerGroups = cleaned;
        e.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        e.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "event.report-reviewer-groups", eventId, nameof(Event), eventId.ToString(), cleaned.Count == 0 ? "none: the defaults" : string.Join(", ", cleaned));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("Someone else changed the event at the same moment. Reload and try again.");
        }

        return Outcome.Success();
    }
}
