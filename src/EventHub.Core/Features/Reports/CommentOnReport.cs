using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>A reviewer's or drafter's comment on the current version of the report. Audited.</summary>
public sealed class CommentOnReport(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public const int MaxLength = 4000;

    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, string? text, CancellationToken ct = default)
    {
        if (!await ReportWorkflow.CanReadAsync(authorization, actor, eventId))
        {
            return Outcome.Forbidden();
        }

        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Outcome.Invalid("Text", "Write the comment first.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Outcome.Invalid("Text", $"A comment can be at most {MaxLength:N0} characters (this one has {trimmed.Length:N0}).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Select(r => new { r.Id, r.EventId, r.CurrentVersion }).SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        if (report is null)
        {
            return Outcome.NotFound();
        }

        var comment = new ReportComment
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            VersionNumber = report.CurrentVersion,
            Text = trimmed,
            AuthorUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            AuthorName = actor.Identity?.Name,
            AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ReportComments.Add(comment);
        audit.Record(db, actor, "report.comment", eventId, nameof(ReportComment), comment.Id.ToString(), $"On version {report.CurrentVersion}: {(trimmed.Length > 200 ? trimmed[..200] + "…" : trimmed)}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
